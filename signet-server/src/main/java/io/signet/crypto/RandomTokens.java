package io.signet.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets from the platform CSPRNG. */
public final class RandomTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    public static byte[] bytes(int length) {
        byte[] b = new byte[length];
        RANDOM.nextBytes(b);
        return b;
    }

    /** {@code byteLength} random bytes as unpadded base64url. */
    public static String base64Url(int byteLength) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(byteLength));
    }

    /** A uniformly random integer in [0, bound). */
    public static int nextInt(int bound) {
        return RANDOM.nextInt(bound);
    }
}
