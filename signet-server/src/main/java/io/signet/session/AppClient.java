package io.signet.session;

import io.signet.wire.WireTime;

/**
 * An app client: the application sessions are issued to. Its id is the {@code clientId} of createSession and
 * the {@code aud} of the access tokens (docs/server-api.md §7.6 "Sessions"). Lifetimes are in seconds.
 */
public record AppClient(
        String tenantId,
        String clientId,
        String name,
        long accessTokenLifetime,
        long refreshTokenLifetime,
        long createdAt,
        long updatedAt) {

    /** The admin API's view of a client. */
    public record Response(String clientId, String name, long accessTokenLifetime, long refreshTokenLifetime,
                    String createdAt, String updatedAt) {
    }

    Response response() {
        return new Response(clientId, name, accessTokenLifetime, refreshTokenLifetime,
                WireTime.iso(createdAt), WireTime.iso(updatedAt));
    }
}
