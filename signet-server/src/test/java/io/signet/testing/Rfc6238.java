package io.signet.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An authenticator app in a few lines (RFC 6238 TOTP; SHA-1, 6 digits, 30 s unless told), written independently of
 * Signet's own implementation so a test can play the user's phone against it.
 */
public final class Rfc6238 {
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Rfc6238() {
    }

    /** The code for the Base32 {@code secret} at {@code now}, {@code stepOffset} 30-second steps away. */
    public static String code(String secret, Instant now, long stepOffset) {
        return code(decode(secret), "HmacSHA1", 6, 30, now, stepOffset);
    }

    /**
     * The code for the raw HMAC {@code key} with any RFC 6238 parameters ({@code HmacSHA1/256/512}, digits,
     * period in seconds), for secrets that are not Base32 text (Keycloak keeps most as raw characters).
     */
    public static String code(byte[] key, String hmac, int digits, int period, Instant now, long stepOffset) {
        long step = Math.floorDiv(now.getEpochSecond(), period) + stepOffset;
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(key, hmac));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0x0f;
            int value = ((h[offset] & 0x7f) << 24 | (h[offset + 1] & 0xff) << 16 | (h[offset + 2] & 0xff) << 8
                    | (h[offset + 3] & 0xff)) % (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4648 base32, as an authenticator app reads a scanned secret. */
    public static byte[] decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toUpperCase(Locale.ROOT).replace("=", "").toCharArray()) {
            int v = BASE32.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not base32: " + text);
            }
            buffer = buffer << 5 | v;
            bits += 5;
            if (bits >= 8) {
                out.write(buffer >> (bits - 8) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
