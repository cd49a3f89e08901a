package io.signet.http;

import io.javalin.http.Context;
import io.signet.crypto.Ids;

/** A per-request id for correlating a 500 answer with its server log line. */
final class RequestIds {
    private static final String ATTRIBUTE = "signet.requestId";

    private RequestIds() {
    }

    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            id = Ids.timeOrdered();
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
