package io.signet.http;

import io.javalin.http.Context;
import io.signet.crypto.Ids;
import io.signet.logging.Logging;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The per-request id: put in the MDC so every log line of the request carries it, returned as
 * {@code X-Request-Id}, and named in a 500 answer's log line. A caller's own {@code X-Request-Id} is kept only
 * when the peer is a trusted proxy (anyone else could forge ids to muddle the log), and only when it is a
 * short token (it is written into every log line).
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "signet.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** Runs first on every request: the id, its header and the MDC entry. */
    static void assign(Context ctx, Predicate<String> trustedProxy) {
        String offered = ctx.header(HEADER);
        String id = offered != null && SANE.matcher(offered).matches() && trustedProxy.test(ctx.req().getRemoteAddr())
                ? offered : Ids.label();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(Logging.REQUEST_ID, id);
    }

    /** After the request's last line (the access log): the thread may serve another request. */
    static void release() {
        MDC.remove(Logging.REQUEST_ID);
    }

    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            id = Ids.label();
            ctx.attribute(ATTRIBUTE, id);
        }
        return id;
    }

    /** The route template ({@code /v1/users/{userId}}), never the raw path, so no user id is logged. */
    static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
