package io.signet.error;

/**
 * A failure with a meaning for the API caller: rendered once, by {@link ErrorMapper}, as
 * {@code {"error", "errorCode", "errorDescription"}} with the code's HTTP status. The description is
 * shown to the caller, so it must say what to fix and never contain secrets.
 */
public class SignetException extends RuntimeException {
    private final ErrorCode code;
    private final long retryAfterSeconds;

    public SignetException(ErrorCode code, String description) {
        this(code, description, 0);
    }

    private SignetException(ErrorCode code, String description, long retryAfterSeconds) {
        super(description, null, false, false);
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429 with a {@code Retry-After} header (RFC 9110 §10.2.3) of at least one second. */
    public static SignetException tooManyRequests(String description, java.time.Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new SignetException(ErrorCode.TOO_MANY_REQUESTS, description, seconds);
    }

    /** Seconds for the {@code Retry-After} header, or 0 when the response carries none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ErrorCode code() {
        return code;
    }

    public String description() {
        return getMessage();
    }

    public static SignetException invalid(String description) {
        return new SignetException(ErrorCode.INVALID_REQUEST, description);
    }

    public static SignetException notFound(String description) {
        return new SignetException(ErrorCode.NOT_FOUND, description);
    }

    public static SignetException conflict(String description) {
        return new SignetException(ErrorCode.CONFLICT, description);
    }
}
