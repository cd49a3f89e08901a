package io.signet.client.exception;

/**
 * An error answer from the API (any status outside 200–299), or an answer the client could not read.
 * Futures returned by {@link io.signet.client.AuthsignalClient} fail with it, so {@code future.get()}
 * throws an {@link java.util.concurrent.ExecutionException} whose cause is this exception, as in
 * authsignal-java.
 */
public class AuthsignalException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String errorCode;
    private final String errorDescription;

    /**
     * Creates the exception; its message is {@code AuthsignalException: <status> - <description>},
     * or the error code when there is no description.
     *
     * @param statusCode the HTTP status of the answer
     * @param errorCode the API's error code, e.g. {@code unauthorized} or {@code invalid_request}
     * @param errorDescription the API's human-readable description, possibly {@code null}
     */
    public AuthsignalException(int statusCode, String errorCode, String errorDescription) {
        super(formatMessage(statusCode, errorCode, errorDescription));
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.errorDescription = errorDescription;
    }

    /**
     * The HTTP status of the answer.
     *
     * @return the status, e.g. 401
     */
    public int getStatusCode() {
        return statusCode;
    }

    /**
     * The API's error code.
     *
     * @return the code, e.g. {@code unauthorized}
     */
    public String getErrorCode() {
        return errorCode;
    }

    /**
     * The API's description of the error.
     *
     * @return the description, possibly {@code null}
     */
    public String getErrorDescription() {
        return errorDescription;
    }

    private static String formatMessage(int statusCode, String errorCode, String errorDescription) {
        String description = errorDescription != null && !errorDescription.isEmpty() ? errorDescription : errorCode;
        return "AuthsignalException: " + statusCode + " - " + description;
    }
}
