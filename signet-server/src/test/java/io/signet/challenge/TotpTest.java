package io.signet.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
    private static final String SHA1_SEED = "12345678901234567890";
    private static final String SHA256_SEED = "12345678901234567890123456789012";
    private static final String SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234";

    private static Totp.Params params(String algorithm, int digits) {
        String seed = switch (algorithm) {
            case "SHA1" -> SHA1_SEED;
            case "SHA256" -> SHA256_SEED;
            default -> SHA512_SEED;
        };
        return new Totp.Params(seed.getBytes(StandardCharsets.US_ASCII), algorithm, digits, 30);
    }

    /** RFC 6238 Appendix B: every test vector, 8 digits, 30-second steps. */
    @ParameterizedTest
    @CsvSource({
            "59, SHA1, 94287082", "59, SHA256, 46119246", "59, SHA512, 90693936",
            "1111111109, SHA1, 07081804", "1111111109, SHA256, 68084774", "1111111109, SHA512, 25091201",
            "1111111111, SHA1, 14050471", "1111111111, SHA256, 67062674", "1111111111, SHA512, 99943326",
            "1234567890, SHA1, 89005924", "1234567890, SHA256, 91819424", "1234567890, SHA512, 93441116",
            "2000000000, SHA1, 69279037", "2000000000, SHA256, 90698825", "2000000000, SHA512, 38618901",
            "20000000000, SHA1, 65353130", "20000000000, SHA256, 77737706", "20000000000, SHA512, 47863826",
    })
    void matches_the_RFC_6238_test_vectors(long time, String algorithm, String expected) {
        Totp.Params p = params(algorithm, 8);
        Instant at = Instant.ofEpochSecond(time);
        assertThat(Totp.code(p, Totp.step(p, at))).isEqualTo(expected);
        assertThat(Totp.matchingStep(p, expected, at)).hasValue(Totp.step(p, at));
    }

    @ParameterizedTest
    @CsvSource({"-1, true", "0, true", "1, true", "-2, false", "2, false"})
    void accepts_one_step_of_skew_either_way_and_no_more(int offset, boolean accepted) {
        Totp.Params p = params("SHA1", 6);
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(p, now) + offset;
        assertThat(Totp.matchingStep(p, Totp.code(p, step), now).isPresent()).isEqualTo(accepted);
    }

    @ParameterizedTest
    @CsvSource({"SHA1, 6", "SHA256, 8"})
    void a_wrong_code_matches_no_step(String algorithm, int digits) {
        Totp.Params p = params(algorithm, digits);
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        String right = Totp.code(p, Totp.step(p, now));
        String wrong = right.substring(0, digits - 1) + (char) ('0' + (right.charAt(digits - 1) - '0' + 5) % 10);
        assertThat(Totp.matchingStep(p, wrong, now)).isEmpty();
        assertThat(Totp.matchingStep(p, right.substring(1), now)).isEmpty();
    }
}
