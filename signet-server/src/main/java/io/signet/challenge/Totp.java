package io.signet.challenge;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * TOTP (RFC 6238) checking with the enrolled algorithm, digits and period, accepting the current time step
 * and one on either side for clock skew (RFC 6238 §5.2). Code generation is java-otp's; this class only
 * picks the steps and compares in constant time. Which step may be used is the caller's replay guard.
 */
final class Totp {
    static final int SKEW_STEPS = 1;

    /** An enrolled authenticator app: raw secret, {@code SHA1|SHA256|SHA512}, 6 or 8 digits, period seconds. */
    record Params(byte[] secret, String algorithm, int digits, int period) {
        Params {
            secret = secret.clone();
        }
    }

    private Totp() {
    }

    /** The code of time step {@code step}, zero-padded to the enrolled number of digits. */
    static String code(Params p, long step) {
        TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(
                Duration.ofSeconds(p.period()), p.digits(), "Hmac" + p.algorithm());
        try {
            int value = generator.generateOneTimePassword(new SecretKeySpec(p.secret(), "Hmac" + p.algorithm()),
                    Instant.ofEpochSecond(step * p.period()));
            return String.format("%0" + p.digits() + "d", value);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("unusable TOTP secret", e);
        }
    }

    /** The time step containing {@code now}. */
    static long step(Params p, Instant now) {
        return Math.floorDiv(now.getEpochSecond(), p.period());
    }

    /** The step within ±{@link #SKEW_STEPS} of now whose code is {@code typed}, or empty. */
    static OptionalLong matchingStep(Params p, String typed, Instant now) {
        long current = step(p, now);
        byte[] given = typed.getBytes(StandardCharsets.US_ASCII);
        OptionalLong match = OptionalLong.empty();
        // Every candidate is computed and compared, so the time taken does not say which one matched.
        for (long s = current - SKEW_STEPS; s <= current + SKEW_STEPS; s++) {
            if (MessageDigest.isEqual(code(p, s).getBytes(StandardCharsets.US_ASCII), given) && match.isEmpty()) {
                match = OptionalLong.of(s);
            }
        }
        return match;
    }
}
