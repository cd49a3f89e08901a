package io.signet.action;

import tools.jackson.databind.JsonNode;

/**
 * Body of track (docs/server-api.md §7.3.1 "track", {@code TrackAttributes}); every field optional, the body may be
 * empty or {@code null}. {@code locale} picks the hosted page's language. {@code redirectToSettings},
 * {@code challengeId} and {@code crypto} are accepted for SDK compatibility; Signet has no pre-built UI
 * settings screen to use them yet.
 */
public record TrackRequest(
        String idempotencyKey,
        String redirectUrl,
        Boolean redirectToSettings,
        String ipAddress,
        String userAgent,
        String deviceId,
        String scope,
        String email,
        String phoneNumber,
        String username,
        String displayName,
        JsonNode custom,
        String challengeId,
        String locale,
        String customDomain,
        JsonNode crypto) {
}
