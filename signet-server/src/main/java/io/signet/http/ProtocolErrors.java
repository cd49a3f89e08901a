package io.signet.http;

import io.signet.error.ErrorCode;
import io.signet.wire.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before any route runs (headers over the limit, a malformed request line), or
 * raises while a route reads the body (a body that stops arriving): rendered in the Authsignal error shape with the same safety headers as every
 * other answer, instead of Jetty's HTML page.
 *
 * <p>Each of these answers says {@code Connection: close}. Jetty closes the connection after a request it refused
 * itself, but for some refusals (a path with {@code %00} or a malformed {@code %} escape) it had already written
 * the headers without saying so: a keep-alive client then sent its next request into the closed connection and
 * got a reset or an empty answer instead of a response (FuzzApiIT met it about once in 700 fuzzed requests).
 */
final class ProtocolErrors extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        ErrorCode code = code(response.getStatus());
        response.setStatus(code.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        byte[] body = Json.write(ErrorBody.of(code, description(code))).getBytes(StandardCharsets.UTF_8);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** The same refusals met while a route reads the body: the client, not the server, failed; nothing logged. */
    static void whileReading(HttpException.RuntimeException e, io.javalin.http.Context ctx) {
        ErrorCode code = code(e.getCode());
        ErrorMapper.write(ctx, code, description(code));
    }

    /**
     * A body that stopped arriving (the client went away, or idled past the timeout mid-body) is a 408, not a
     * 500 logged as a server fault; any other I/O failure is unexpected.
     */
    static void bodyCutOff(java.io.IOException e, io.javalin.http.Context ctx) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.io.EofException || t instanceof java.util.concurrent.TimeoutException) {
                ErrorMapper.write(ctx, ErrorCode.REQUEST_TIMEOUT, description(ErrorCode.REQUEST_TIMEOUT));
                return;
            }
        }
        ErrorMapper.unexpected(e, ctx);
    }

    static ErrorCode code(int status) {
        return switch (status) {
            case 431 -> ErrorCode.HEADERS_TOO_LARGE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 408 -> ErrorCode.REQUEST_TIMEOUT;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE; // Jetty's graceful stop refusing a request while it drains
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_REQUEST;
        };
    }

    private static String description(ErrorCode code) {
        return switch (code) {
            case HEADERS_TOO_LARGE -> "The request headers are larger than the " + HttpServer.MAX_HEADER_BYTES
                    + " byte limit.";
            case PAYLOAD_TOO_LARGE -> "The request body is larger than the 1 MiB limit.";
            case REQUEST_TIMEOUT -> "The request body did not arrive in time.";
            case SERVICE_UNAVAILABLE -> "Signet is shutting down; retry the request (another node, or this one "
                    + "once it is back).";
            default -> "The request is not valid HTTP.";
        };
    }
}
