package io.signet.challenge;

import java.util.Objects;

/**
 * The tracked action a Client API challenge belongs to, as the caller's action token names it: the
 * challenge is bound to it, and a verify finds the challenge through it (docs/client-api.md §8.6 "Server checklist").
 */
public record ActionRef(String tenantId, String userId, String actionCode, String idempotencyKey) {
    public ActionRef {
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(actionCode);
        Objects.requireNonNull(idempotencyKey);
    }
}
