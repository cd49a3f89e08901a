package io.signet.tenant;

import io.signet.wire.WireTime;

/** A secret key on the wire: never its value; times in ISO 8601, absent when not set. */
public record KeyView(String keyId, String prefix, String createdAt, String lastUsedAt, String expiresAt,
                      String revokedAt, boolean active) {
    public static KeyView of(SecretKeyInfo k) {
        return new KeyView(k.keyId(), k.prefix(), WireTime.iso(k.createdAt()), WireTime.isoOrNull(k.lastUsedAt()),
                WireTime.isoOrNull(k.expiresAt()), WireTime.isoOrNull(k.revokedAt()), k.active());
    }
}
