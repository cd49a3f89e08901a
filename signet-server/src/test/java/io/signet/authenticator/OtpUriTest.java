package io.signet.authenticator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.error.SignetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OtpUriTest {
    /** 160 bits, the RFC 6238 test secret "12345678901234567890". */
    private static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void parses_label_issuer_and_every_parameter() {
        OtpUri u = OtpUri.parse("otpauth://totp/Acme%20Co:jane@example.com?secret=" + SECRET.toLowerCase()
                + "&issuer=Acme%20Co&algorithm=SHA256&digits=8&period=60");
        assertThat(u.secretBase32()).isEqualTo(SECRET);
        assertThat(u.issuer()).isEqualTo("Acme Co");
        assertThat(u.account()).isEqualTo("jane@example.com");
        assertThat(u.algorithm()).isEqualTo("SHA256");
        assertThat(u.digits()).isEqualTo(8);
        assertThat(u.period()).isEqualTo(60);
    }

    @Test
    void defaults_to_SHA1_six_digits_thirty_seconds_and_takes_the_issuer_from_the_label() {
        OtpUri u = OtpUri.parse("otpauth://totp/Acme:jane?secret=" + SECRET);
        assertThat(u.algorithm()).isEqualTo("SHA1");
        assertThat(u.digits()).isEqualTo(6);
        assertThat(u.period()).isEqualTo(30);
        assertThat(u.issuer()).isEqualTo("Acme");
        assertThat(u.account()).isEqualTo("jane");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://example.com/?secret=" + SECRET + "|must start with otpauth://totp/",
            "otpauth://hotp/Acme:jane?secret=" + SECRET + "&counter=1|HOTP",
            "otpauth://totp/Acme:jane|no 'secret'",
            "otpauth://totp/Acme:jane?secret=NOT-BASE32!|not valid base32",
            "otpauth://totp/Acme:jane?secret=GEZDGNBVGY3TQ===|64 bits; at least 80",
            "otpauth://totp/Acme:jane?secret=" + SECRET + "&algorithm=MD5|algorithm",
            "otpauth://totp/Acme:jane?secret=" + SECRET + "&digits=7|digits",
            "otpauth://totp/Acme:jane?secret=" + SECRET + "&period=0|period",
            "otpauth://totp/Acme:jane?secret=" + SECRET + "&secret=" + SECRET + "|more than once",
            "otpauth://totp/Acme jane?secret=" + SECRET + "|not a valid URI",
    })
    void refuses_with_a_400_naming_otpUri(String uri, String reason) {
        assertThatThrownBy(() -> OtpUri.parse(uri))
                .isInstanceOf(SignetException.class)
                .hasMessageContaining("'otpUri'")
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "GEZDGNBVGY3TQOJQ|30|'otpUri' has a secret of 80 bits; at least 112 bits are required.",
            "GEZDGNBVGY3TQOJQGEZDG|30|'otpUri' has a secret of 104 bits; at least 112 bits are required.",
            "GEZDGNBVGY3TQOJQGEZDGNA|30|none",
            SECRET + "|60|none",
            SECRET + "|61|'otpUri' has 'period' 61; at most 60 seconds is allowed.",
    })
    void names_what_is_weak_for_a_new_enrollment(String secret, int period, String weakness) {
        assertThat(OtpUri.parse("otpauth://totp/A:b?secret=" + secret + "&period=" + period).weakness())
                .isEqualTo(weakness);
    }

    @Test
    void a_generated_secret_is_strong() {
        OtpUri generated = OtpUri.generate("Acme", "jane");
        assertThat(generated.secret()).hasSize(20);
        assertThat(generated.weakness()).isNull();
    }
}
