package io.signet.tenant;

import io.signet.crypto.SecretHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The key that opens the operator API ({@code /operator/v1/*}): tenant lifecycle across tenants, which no
 * tenant key may do. Node configuration like the encryption key ({@code SIGNET_OPERATOR_KEY}, or the file
 * {@code operator.key} beside a SQLite database), so one misconfigured node cannot change it for the others.
 * Held only as a keyed hash, compared in constant time, never logged. Absent: the operator API answers 401.
 */
public final class OperatorKey {
    private static final String PURPOSE = "operator-key";

    private final SecretHasher hasher;
    private final Optional<byte[]> hash;

    public OperatorKey(SecretHasher hasher, Optional<String> key) {
        this.hasher = hasher;
        this.hash = key.map(k -> hasher.hash(PURPOSE, k).getBytes(StandardCharsets.UTF_8));
    }

    public boolean isConfigured() {
        return hash.isPresent();
    }

    boolean matches(String presented) {
        if (hash.isEmpty() || presented == null || presented.isEmpty() || presented.length() > 200) {
            return false;
        }
        return MessageDigest.isEqual(hash.get(), hasher.hash(PURPOSE, presented).getBytes(StandardCharsets.UTF_8));
    }
}
