package io.signet.imports;

import tools.jackson.databind.JsonNode;

/**
 * One line of an import: its number in the input (1-based, for the reject file and for resuming) and the
 * user as a JSON object in the export schema (docs/export-schema.json), or why the line could not be read
 * as one. Every source (an export file, a Keycloak realm export) yields these, so one importer serves all.
 *
 * @param user       the JSON object, or null when {@code unreadable}
 * @param unreadable why the line is not a JSON object (malformed JSON, too long), or null
 */
public record ImportLine(long number, JsonNode user, String unreadable) {
    public ImportLine {
        if ((user == null) == (unreadable == null)) {
            throw new IllegalArgumentException("a line is either a user or unreadable");
        }
    }

    public static ImportLine of(long number, JsonNode user) {
        return new ImportLine(number, user, null);
    }

    public static ImportLine unreadable(long number, String why) {
        return new ImportLine(number, null, why);
    }

    /** The line's {@code userId} when it has a string one, for reports about a line that failed. */
    public String userIdOrNull() {
        JsonNode id = user == null ? null : user.get("userId");
        return id != null && id.isString() ? id.asString() : null;
    }
}
