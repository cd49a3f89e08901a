package io.signet.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before any route runs (headers over the limit, a malformed request line, a
 * body too slow to arrive): rendered in the Authsignal error shape with the same safety headers as every
 * other answer, instead of Jetty's HTML page.
 */
final class ProtocolErrors extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        ErrorCode code = switch (status) {
            case 431 -> ErrorCode.HEADERS_TOO_LARGE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 408 -> ErrorCode.REQUEST_TIMEOUT;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_REQUEST;
        };
        String description = switch (code) {
            case HEADERS_TOO_LARGE -> "The request headers are larger than the " + HttpServer.MAX_HEADER_BYTES
                    + " byte limit.";
            case PAYLOAD_TOO_LARGE -> "The request body is larger than the 1 MiB limit.";
            case REQUEST_TIMEOUT -> "The request arrived too slowly.";
            default -> "The request is not valid HTTP.";
        };
        response.setStatus(code.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        byte[] body = Json.write(ErrorBody.of(code, description)).getBytes(StandardCharsets.UTF_8);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
