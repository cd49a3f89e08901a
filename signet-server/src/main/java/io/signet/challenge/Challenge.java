package io.signet.challenge;

import io.signet.user.VerificationMethod;
import java.util.Objects;

/**
 * A stored challenge. {@code userId} is null until a user is known (a Java SDK challenge carries none;
 * {@code /v1/claim} assigns it). Codes and link tokens are never part of this record: only their hashes
 * are stored, and only the store compares them.
 */
record Challenge(
        String tenantId,
        String challengeId,
        String userId,
        String actionCode,
        String idempotencyKey,
        VerificationMethod method,
        SmsChannel smsChannel,
        String email,
        String phoneNumber,
        String locale,
        int attempts,
        long createdAt,
        long expiresAt,
        Long verifiedAt) {

    Challenge {
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(challengeId);
        Objects.requireNonNull(idempotencyKey);
        Objects.requireNonNull(method);
    }

    boolean isVerified() {
        return verifiedAt != null;
    }

    /** Where the code goes: email methods to the address, SMS and WhatsApp to the phone. */
    String recipient() {
        return method.name().startsWith("EMAIL") ? email : phoneNumber;
    }

    long expiresAtSeconds() {
        return expiresAt / 1000;
    }
}
