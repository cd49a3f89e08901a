package io.signet.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    @Test
    void ten_distinct_grouped_codes_of_sixty_bits() {
        List<String> codes = RecoveryCodes.generate();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(codes).allMatch(c -> c.matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"));
        // 12 symbols of a 32-letter alphabet = 60 bits; the alphabet really is used, not a subset
        var seen = new HashSet<Character>();
        for (int i = 0; i < 200; i++) {
            RecoveryCodes.generate().forEach(c -> c.chars().forEach(ch -> seen.add((char) ch)));
        }
        assertThat(seen).hasSize(33); // 32 symbols and the hyphen
    }

    @Test
    void reading_forgives_case_spacing_and_look_alike_letters() {
        assertThat(RecoveryCodes.normalize("abcd-efgh-jk01")).isEqualTo("ABCDEFGHJK01");
        assertThat(RecoveryCodes.normalize("ABCD EFGH JKoI")).isEqualTo("ABCDEFGHJK01");
        assertThat(RecoveryCodes.normalize("abcdefghjkol")).isEqualTo("ABCDEFGHJK01");
    }

    @Test
    void reading_refuses_wrong_lengths_and_foreign_letters() {
        assertThat(RecoveryCodes.normalize("ABCD-EFGH-JK0")).isNull();
        assertThat(RecoveryCodes.normalize("ABCD-EFGH-JK011")).isNull();
        assertThat(RecoveryCodes.normalize("ABCD-EFGH-JKU1")).isNull();
        assertThat(RecoveryCodes.normalize(null)).isNull();
    }
}
