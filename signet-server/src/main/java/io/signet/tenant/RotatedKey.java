package io.signet.tenant;

/**
 * A new secret key from a rotation; its value exists in plaintext only here, to be shown once.
 * {@code oldKeysExpireAt}: when the keys that were active stop working, or null when they stay valid until
 * revoked.
 */
public record RotatedKey(String tenantId, String keyId, String secretKey, Long oldKeysExpireAt) {
}
