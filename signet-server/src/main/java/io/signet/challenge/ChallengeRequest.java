package io.signet.challenge;

import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v1/challenge} (docs/server-api.md §7.5.1 "challenge", the Node 2.21 superset). Go sends
 * {@code ""} for unset strings, so an empty string means absent everywhere here. {@code deviceId},
 * {@code userAgent}, {@code custom} and {@code scope} are rule inputs Signet accepts and does not use yet.
 */
public record ChallengeRequest(
        String verificationMethod,
        String action,
        String challengeId,
        String idempotencyKey,
        String userId,
        String email,
        String phoneNumber,
        String smsChannel,
        String locale,
        String deviceId,
        String ipAddress,
        String userAgent,
        JsonNode custom,
        String scope) {

    static String given(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
