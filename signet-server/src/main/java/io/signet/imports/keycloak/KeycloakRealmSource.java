package io.signet.imports.keycloak;

import io.signet.imports.ImportLine;
import io.signet.imports.ImportSource;
import io.signet.wire.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a Keycloak realm export ({@code kc.sh export}) as Signet export-format lines, one user at a time:
 * <ul>
 * <li>a realm file ({@code --realm X --users realm_file}): a RealmRepresentation whose {@code users} holds them;</li>
 * <li>a users file ({@code --users same_file} or {@code different_files}: {@code X-users-N.json}):
 * {@code {"realm": "X", "users": [...], "federatedUsers": [...]}};</li>
 * <li>a whole-server file (no {@code --realm}): a JSON array of realms.</li>
 * </ul>
 * The file is read with Jackson's streaming parser and only one user's object is in memory at a time, so a
 * realm of millions of users is read in constant memory. Every other part of the realm (clients, roles,
 * flows, keys) is skipped unread.
 *
 * <p>The line number given with a user is the line of the export where its object begins, so a rejected
 * user can be found in the file. Not thread-safe: one reader drives it.
 */
public final class KeycloakRealmSource implements ImportSource {
    private final Path file;
    private final long size;
    private final JsonParser parser;
    private final Consumer<NotCarried> report;
    private final Instant fallbackTime;
    private final Set<String> realms = new LinkedHashSet<>();
    private final Set<String> rpIds = new LinkedHashSet<>();
    private final List<KeycloakUsers> seen = new ArrayList<>();
    private KeycloakUsers users;
    private String realmName;
    private String displayName;
    private boolean inUsers;
    private boolean inFederatedUsers;
    private boolean sawUsers;
    private int depth;
    private long lastLine;
    private ImportLine ahead;
    private boolean rootDone;

    private KeycloakRealmSource(Path file, long size, JsonParser parser, Consumer<NotCarried> report,
                                Instant fallbackTime) {
        this.file = file;
        this.size = size;
        this.parser = parser;
        this.report = report;
        this.fallbackTime = fallbackTime;
    }

    /**
     * Opens {@code file}; what cannot be carried over goes to {@code report} as users are read. {@code now} is the
     * creation time given to users and credentials the export has no time for.
     */
    public static KeycloakRealmSource open(Path file, Consumer<NotCarried> report, Instant now) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            return new KeycloakRealmSource(file, Files.size(file), Json.MAPPER.createParser(in), report, now);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether another user follows (it is read, and the users before it that are not imported reported). */
    @Override
    public boolean hasNext() {
        if (ahead == null) {
            ahead = read();
        }
        return ahead != null;
    }

    /** The next user to import, as an export-schema line numbered by where it begins in the file. */
    @Override
    public ImportLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ImportLine line = ahead;
        ahead = null;
        return line;
    }

    /** The share of the file read so far, for the progress display's ETA. */
    @Override
    public double fractionRead() {
        return size <= 0 ? -1 : Math.min(1.0, parser.currentLocation().getByteOffset() / (double) size);
    }

    /** The next user to import, or null at the end of the file. */
    private ImportLine read() {
        try {
            while (true) {
                if (inUsers || inFederatedUsers) {
                    ImportLine line = nextUser();
                    if (line != null) {
                        return line;
                    }
                    continue;
                }
                JsonToken token = parser.nextToken();
                if (token == null) {
                    if (!sawUsers && realms.isEmpty()) {
                        throw new IllegalArgumentException(file + " is not a Keycloak realm export: it has no 'realm' "
                                + "and no 'users' (write one with kc.sh export --realm NAME --users realm_file)");
                    }
                    return null;
                }
                switch (token) {
                    case START_ARRAY -> open(0);
                    case START_OBJECT -> startRealm();
                    case END_ARRAY, END_OBJECT -> rootDone = --depth == 0;
                    case PROPERTY_NAME -> realmProperty(parser.currentName());
                    default -> throw malformed("a realm export holds realms (objects), found " + token);
                }
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is not valid JSON near line "
                    + parser.currentLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The next element of {@code users} (mapped) or {@code federatedUsers} (reported); null after the last. */
    private ImportLine nextUser() {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            inUsers = false;
            inFederatedUsers = false;
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw malformed("'users' must hold user objects, found " + token);
        }
        // The line where the user's object begins; numbers must grow for --resume, so in a file with several
        // users on one line (not as Keycloak writes it) the later ones are numbered on from it.
        long line = Math.max(parser.currentTokenLocation().getLineNr(), lastLine + 1);
        lastLine = line;
        JsonNode user = parser.readValueAsTree();
        if (inFederatedUsers) {
            report.accept(new NotCarried(line, KeycloakCredentials.text(user, "id"), null, "user (federated)",
                    "Kept by a user federation provider (LDAP, Kerberos), not in Keycloak's database; bring it over "
                            + "from that directory."));
            return null;
        }
        ObjectNode mapped = users.map(line, user);
        return mapped == null ? null : ImportLine.of(line, mapped);
    }

    /** A realm object: the root, or an element of the root array of a whole-server export. */
    private void startRealm() {
        open(1);
        realmName = null;
        displayName = null;
        users = null;
    }

    /** Enters an array or object that may be at most {@code maxDepth} deep, in the one root document. */
    private void open(int maxDepth) {
        if (rootDone) {
            throw malformed("a second JSON document follows the first; a Signet export (JSON Lines) is imported "
                    + "with --from signet");
        }
        if (depth > maxDepth) {
            throw malformed("a realm export holds realms (objects) at the top, or an array of them");
        }
        depth++;
    }

    /** A property of a realm (or users file) object: the ones the import needs are read, the rest skipped. */
    private void realmProperty(String name) {
        JsonToken value = parser.nextToken();
        switch (name) {
            case "realm" -> {
                realmName = parser.getValueAsString();
                realms.add(realmName);
            }
            case "displayName" -> displayName = parser.getValueAsString();
            case "webAuthnPolicyRpId", "webAuthnPolicyPasswordlessRpId" -> {
                String rpId = parser.getValueAsString();
                rpIds.add(rpId == null || rpId.isBlank() ? "(empty: Keycloak's host name)" : rpId);
            }
            case "users", "federatedUsers" -> {
                if (value != JsonToken.START_ARRAY) {
                    throw malformed("'" + name + "' must be an array");
                }
                sawUsers = true;
                inUsers = name.equals("users");
                inFederatedUsers = !inUsers;
                if (users == null) {
                    // Keycloak writes realm, displayName and the WebAuthn policies before users (RealmRepresentation order).
                    users = new KeycloakUsers(new KeycloakCredentials(displayName != null ? displayName : realmName),
                            report, fallbackTime);
                    seen.add(users);
                }
            }
            case "schemaVersion", "userId" -> throw malformed("this is a line of a Signet export, not a Keycloak "
                    + "realm; import it with --from signet");
            default -> parser.skipChildren();
        }
    }

    /**
     * What an operator must know after the import, beyond the per-user report: passkeys only sign in where the
     * RP ID matches the one Keycloak registered them with, and a realm file without users means the users are
     * in separate files.
     */
    public List<String> notices() {
        List<String> notices = new ArrayList<>();
        if (seen.stream().anyMatch(KeycloakUsers::carriedPasskey)) {
            notices.add("Passkeys sign in only where the RP ID is the one they were registered with: Keycloak's "
                    + (rpIds.isEmpty() ? "WebAuthn policy RP ID (empty means Keycloak's host name)"
                    : "WebAuthn policy RP ID " + String.join(" / ", rpIds))
                    + ". Set Signet's rpId to it (./signet settings) before users sign in with a passkey.");
        }
        if (!realms.isEmpty() && !sawUsers) {
            notices.add("The file holds realm " + String.join(", ", realms) + " but no users: kc.sh export wrote them "
                    + "to REALM-users-N.json beside it (--users different_files or same_file); import those files.");
        }
        return notices;
    }

    private IllegalArgumentException malformed(String what) {
        return new IllegalArgumentException(file + " is not a Keycloak realm export near line "
                + parser.currentLocation().getLineNr() + ": " + what);
    }

    @Override
    public void close() {
        parser.close();
    }
}
