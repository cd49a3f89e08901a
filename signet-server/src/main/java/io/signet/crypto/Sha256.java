package io.signet.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256, the one unkeyed digest Signet uses: fingerprints (idempotent requests, asset versions, inline
 * style hashes for a page's CSP), cache keys that must not hold a bearer secret, and WebAuthn user handles.
 * Secrets are never stored as a plain digest; they go through {@link SecretHasher}'s keyed hash.
 */
public final class Sha256 {
    private Sha256() {
    }

    /** A fresh digest to feed piece by piece; not thread-safe, like every {@link MessageDigest}. */
    public static MessageDigest start() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The 32-byte digest of {@code bytes}. */
    public static byte[] of(byte[] bytes) {
        return start().digest(bytes);
    }

    /** The 32-byte digest of {@code text}'s UTF-8 bytes. */
    public static byte[] of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }
}
