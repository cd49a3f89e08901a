package io.signet.rule;

/** A rule that cannot be evaluated: unknown operator, unusable argument, or a bound exceeded. */
public final class JsonLogicException extends RuntimeException {
    JsonLogicException(String message) {
        super(message, null, false, false);
    }
}
