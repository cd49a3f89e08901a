package io.signet.rule;

/**
 * What a rule or an action's default decides, and the action state track reports for it
 * (docs/server-api.md §4.2 "UserActionState": the rule outcomes ALLOW, CHALLENGE, REVIEW and BLOCK).
 */
public enum Outcome {
    ALLOW("ALLOW"),
    CHALLENGE("CHALLENGE_REQUIRED"),
    REVIEW("REVIEW_REQUIRED"),
    BLOCK("BLOCK");

    private final String state;

    Outcome(String state) {
        this.state = state;
    }

    /** The UserActionState track returns for this outcome. */
    public String state() {
        return state;
    }

    /** Parses an outcome named in a request, or null when absent; a 400 naming {@code field} otherwise. */
    static Outcome parse(String field, String value) {
        if (value == null) {
            return null;
        }
        for (Outcome o : values()) {
            if (o.name().equals(value)) {
                return o;
            }
        }
        throw io.signet.error.SignetException.invalid("'" + field + "' must be one of ALLOW, CHALLENGE, REVIEW, BLOCK.");
    }
}
