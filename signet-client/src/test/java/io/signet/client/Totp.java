package io.signet.client;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 codes (HMAC-SHA1, 6 digits, 30 s) for the RFC's test secret, as an authenticator app shows them. */
final class Totp {
    /** Base32 of the ASCII {@code 12345678901234567890}, the RFC 6238 SHA-1 test secret. */
    static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    static final String OTP_URI = "otpauth://totp/Acme:jane?secret=" + SECRET + "&issuer=Acme";
    private static final byte[] KEY = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Totp() {
    }

    /** The code at {@code epochMillis}. */
    static String at(long epochMillis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(KEY, "HmacSHA1"));
            byte[] digest = mac.doFinal(ByteBuffer.allocate(8).putLong(epochMillis / 1000 / 30).array());
            int offset = digest[digest.length - 1] & 0x0f;
            int binary = ByteBuffer.wrap(digest, offset, 4).getInt() & 0x7fffffff;
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String now() {
        return at(System.currentTimeMillis());
    }
}
