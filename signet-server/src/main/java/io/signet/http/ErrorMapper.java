package io.signet.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.signet.error.ErrorCode;
import io.signet.error.SignetException;
import io.signet.store.DatabaseUnavailableException;
import io.signet.wire.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every failure once, in the Authsignal error shape. Known failures carry their own status and
 * description; anything unexpected is a 500 with a generic text and the request id, and is logged with
 * its stack trace server-side only. No exception text, SQL or secret ever reaches the client.
 */
final class ErrorMapper {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    static void signet(SignetException e, Context ctx) {
        if (e.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        write(ctx, e.code(), e.description());
    }

    static void framework(HttpResponseException e, Context ctx) {
        switch (e.getStatus()) {
            case 413 -> write(ctx, ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than the 1 MiB limit.");
            case 404 -> notFound(ctx);
            case 405 -> methodNotAllowed(ctx);
            default -> write(ctx, e.getStatus() >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_REQUEST,
                    e.getStatus() >= 500 ? "The server could not handle the request." : "The request is not valid.");
        }
    }

    static void unexpected(Exception e, Context ctx) {
        String requestId = RequestIds.of(ctx);
        log.error("unexpected failure on {} {} (request {})", ctx.method(), RequestIds.route(ctx), requestId, e);
        write(ctx, ErrorCode.INTERNAL_ERROR,
                "The server could not handle the request. Quote request id " + requestId + " when reporting it.");
    }

    /**
     * The database is unreachable, full or read-only: a 503 the caller may retry, and one log line naming the
     * cause (the driver's message and SQLState, never a statement or its values).
     */
    static void unavailable(DatabaseUnavailableException e, Context ctx) {
        String requestId = RequestIds.of(ctx);
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        log.warn("database unavailable on {} {} (request {}): {}", ctx.method(), RequestIds.route(ctx), requestId,
                cause.toString());
        ctx.header("Retry-After", "1");
        write(ctx, ErrorCode.SERVICE_UNAVAILABLE, "The database is unavailable; nothing was changed. Retry later. "
                + "Quote request id " + requestId + " when reporting it.");
    }

    static void notFound(Context ctx) {
        write(ctx, ErrorCode.NOT_FOUND, "No endpoint " + ctx.method() + " " + ctx.path() + " exists.");
    }

    static void methodNotAllowed(Context ctx) {
        write(ctx, ErrorCode.METHOD_NOT_ALLOWED, "The endpoint " + ctx.path() + " does not accept " + ctx.method() + ".");
    }

    static void write(Context ctx, ErrorCode code, String description) {
        Router.respond(ctx, code.status(), Json.write(ErrorBody.of(code, description)));
    }
}
