package io.signet.action;

/**
 * What an action token proves: it was issued by Signet for this tenant, user, action code and idempotency
 * key, with {@code scope}, and is valid until {@code expiresAt} (epoch seconds).
 */
public record TokenClaims(
        String tenantId,
        String userId,
        String actionCode,
        String idempotencyKey,
        String scope,
        long issuedAt,
        long expiresAt) {
}
