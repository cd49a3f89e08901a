package io.signet.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CryptoTest {
    private final byte[] key = RandomTokens.bytes(32);

    @Test
    void encryption_round_trips_and_hides_the_plaintext() {
        Encryptor e = new Encryptor(key);
        String sealed = e.encrypt("JBSWY3DPEHPK3PXP", "tenant:t1:auth:a1");
        assertThat(sealed).doesNotContain("JBSWY3DPEHPK3PXP").startsWith("v1.");
        assertThat(e.decrypt(sealed, "tenant:t1:auth:a1")).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(e.encrypt("x", "ctx")).isNotEqualTo(e.encrypt("x", "ctx")); // fresh IV each time
    }

    @Test
    void a_ciphertext_moved_to_another_row_or_read_with_another_key_fails() {
        Encryptor e = new Encryptor(key);
        String sealed = e.encrypt("secret", "tenant:t1:auth:a1");
        assertThatThrownBy(() -> e.decrypt(sealed, "tenant:t2:auth:a1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Encryptor(RandomTokens.bytes(32)).decrypt(sealed, "tenant:t1:auth:a1"))
                .hasMessageContaining("SIGNET_ENCRYPTION_KEY");
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> e.decrypt(tampered, "tenant:t1:auth:a1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void hashes_are_keyed_deterministic_and_purpose_bound() {
        SecretHasher h = new SecretHasher(key);
        assertThat(h.hash("otp", "123456")).isEqualTo(h.hash("otp", "123456"));
        assertThat(h.hash("otp", "123456")).isNotEqualTo(h.hash("recovery", "123456"));
        assertThat(new SecretHasher(RandomTokens.bytes(32)).hash("otp", "123456")).isNotEqualTo(h.hash("otp", "123456"));
        assertThat(h.matches(h.hash("otp", "123456"), "otp", "123456")).isTrue();
        assertThat(h.matches(h.hash("otp", "123456"), "otp", "123457")).isFalse();
    }

    @Test
    void ids_are_version_7_uuids_ordered_by_time() {
        List<String> ids = new ArrayList<>();
        for (long t = 1_700_000_000_000L; t < 1_700_000_000_050L; t++) {
            ids.add(Ids.timeOrdered(t));
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        UUID u = UUID.fromString(ids.getFirst());
        assertThat(u.version()).isEqualTo(7);
        assertThat(u.variant()).isEqualTo(2);
        var many = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) {
            many.add(Ids.timeOrdered());
        }
        assertThat(many).hasSize(10_000);
    }
}
