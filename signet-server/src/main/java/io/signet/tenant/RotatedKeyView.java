package io.signet.tenant;

import io.signet.wire.WireTime;

/** The answer of a rotation: the new key's id and value (shown this once), and when the old keys stop. */
public record RotatedKeyView(String tenantId, String keyId, String secretKey, String oldKeysExpireAt) {
    public static RotatedKeyView of(RotatedKey k) {
        return new RotatedKeyView(k.tenantId(), k.keyId(), k.secretKey(),
                WireTime.isoOrNull(k.oldKeysExpireAt()));
    }
}
