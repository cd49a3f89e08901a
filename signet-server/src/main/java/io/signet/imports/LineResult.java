package io.signet.imports;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What an import did (or, in a dry run, would do) with one line. A rejected line names the field at fault
 * as a path into the line ({@code authenticators[2].passkey.credentialId}; empty for the line as a whole)
 * and the reason; nothing of it was written.
 */
public record LineResult(long line, String userId, Outcome outcome, String field, String reason) {
    /** The four outcomes, on the wire in lower case. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, REJECTED;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The outcome named {@code wire}, or null. */
        public static Outcome parse(String wire) {
            for (Outcome o : values()) {
                if (o.wire().equals(wire)) {
                    return o;
                }
            }
            return null;
        }
    }

    public static LineResult rejected(long line, String userId, String field, String reason) {
        return new LineResult(line, userId, Outcome.REJECTED, field == null ? "" : field, reason);
    }

    static LineResult of(long line, String userId, Outcome outcome) {
        return new LineResult(line, userId, outcome, null, null);
    }
}
