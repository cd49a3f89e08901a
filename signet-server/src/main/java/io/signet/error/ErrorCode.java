package io.signet.error;

/**
 * Every error Signet returns: the wire code both {@code error} and {@code errorCode} carry
 * (docs/server-api.md §3 "Errors") and its HTTP status. A correction is one line here.
 */
public enum ErrorCode {
    INVALID_REQUEST(400, "invalid_request"),
    UNAUTHORIZED(401, "unauthorized"),
    EXPIRED_TOKEN(401, "expired_token"),
    INVALID_TOKEN(401, "invalid_token"),
    FORBIDDEN(403, "forbidden"),
    NOT_FOUND(404, "not_found"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed"),
    REQUEST_TIMEOUT(408, "request_timeout"),
    CONFLICT(409, "conflict"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    INVALID_REQUEST_TOKEN(422, "invalid_request_token"),
    INVALID_CREDENTIAL(400, "invalid_credential"),
    INVALID_CONFIGURATION(400, "invalid_configuration"),
    TOO_MANY_REQUESTS(429, "too_many_requests"),
    HEADERS_TOO_LARGE(431, "request_header_fields_too_large"),
    INTERNAL_ERROR(500, "internal_error"),
    SERVICE_UNAVAILABLE(503, "service_unavailable");

    private final int status;
    private final String code;

    ErrorCode(int status, String code) {
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
