package io.signet.tenant;

/**
 * A tenant secret key as listed: never its value, only its id, the first characters (to tell which key a
 * leaked value is), and its times (epoch milliseconds). {@code lastUsedAt} is coarse: recorded at most once a
 * minute per key and node. {@code active}: not revoked and not expired.
 */
public record SecretKeyInfo(String keyId, String prefix, long createdAt, Long lastUsedAt, Long expiresAt,
                            Long revokedAt, boolean active) {
}
