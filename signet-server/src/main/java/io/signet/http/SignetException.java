package io.signet.http;

/**
 * A failure with a meaning for the API caller: rendered once, by {@link ErrorMapper}, as
 * {@code {"error", "errorCode", "errorDescription"}} with the code's HTTP status. The description is
 * shown to the caller, so it must say what to fix and never contain secrets.
 */
public class SignetException extends RuntimeException {
    private final ErrorCode code;

    public SignetException(ErrorCode code, String description) {
        super(description, null, false, false);
        this.code = code;
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
