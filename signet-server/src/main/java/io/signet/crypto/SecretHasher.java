package io.signet.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes secrets that are only ever compared, never read back (API keys, recovery codes, OTPs).
 *
 * <p>HMAC-SHA256 keyed with a pepper derived from the encryption key: a stolen database alone does not
 * allow an offline guess of low-entropy secrets such as a 6-digit OTP. The output is deterministic so a
 * key can be found by its hash with an index; comparisons of supplied values go through
 * {@link #matches(String, String)}, which is constant-time.
 */
public final class SecretHasher {
    /**
     * Keyed once and cloned per hash: every authenticated request hashes its key, and a provider lookup plus
     * key set-up per call cost more than the HMAC itself (SecretHashingBenchmark). Never used directly.
     */
    private final Mac keyed;

    public SecretHasher(byte[] encryptionKey) {
        try {
            this.keyed = Mac.getInstance("HmacSHA256");
            keyed.init(new SecretKeySpec(Encryptor.deriveKey(encryptionKey, "signet-secret-hash-v1"), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Hex HMAC of {@code secret}, prefixed with its purpose so one secret hashes differently per use. */
    public String hash(String purpose, String secret) {
        try {
            Mac mac = (Mac) keyed.clone();
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the HmacSHA256 provider cannot clone a keyed Mac", e);
        }
    }

    /**
     * 16 hex digits that name the key these hashes are made with, and nothing more (an HMAC output reveals
     * nothing about its key): two Signets with equal fingerprints verify each other's hashes. An export carries
     * it beside recovery code hashes, so an import can refuse hashes that could never verify.
     */
    public String keyFingerprint() {
        return hash("key-fingerprint", "signet-hmac-sha256-v1").substring(0, 16);
    }

    /** Constant-time comparison of a stored hash with the hash of a supplied secret. */
    public boolean matches(String storedHash, String purpose, String suppliedSecret) {
        return MessageDigest.isEqual(
                storedHash.getBytes(StandardCharsets.US_ASCII),
                hash(purpose, suppliedSecret).getBytes(StandardCharsets.US_ASCII));
    }
}
