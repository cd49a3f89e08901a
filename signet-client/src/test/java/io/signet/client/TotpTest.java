package io.signet.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The test helper against RFC 6238 Appendix B (SHA-1 rows, last six digits). */
class TotpTest {
    @Test
    void matches_the_rfc_6238_vectors() {
        assertThat(Totp.at(59_000L)).isEqualTo("287082");
        assertThat(Totp.at(1_111_111_109_000L)).isEqualTo("081804");
        assertThat(Totp.at(2_000_000_000_000L)).isEqualTo("279037");
    }
}
