package io.signet.rule;

/** A rule that cannot be evaluated: unknown operator, unusable argument, or a bound exceeded. */
public final class JsonLogicException extends RuntimeException {
    private final boolean exhausted;

    JsonLogicException(String message) {
        this(message, false);
    }

    JsonLogicException(String message, boolean exhausted) {
        super(message, null, false, false);
        this.exhausted = exhausted;
    }

    /** Whether a resource bound (steps, size) stopped the rule, whatever the data. */
    boolean exhausted() {
        return exhausted;
    }
}
