package io.signet.http;

import io.javalin.http.Context;

/**
 * One API operation: reads the request, calls one service method and returns the response record,
 * which {@link Router} writes as 200 JSON. Failures are thrown, never written by hand.
 */
@FunctionalInterface
public interface Endpoint {
    Object handle(Context ctx) throws Exception;
}
