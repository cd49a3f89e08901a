package io.signet.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.crypto.RandomTokens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The chunked AES-GCM format of docs/export-format.md: round trips, and every kind of damage is refused. */
class ExportCipherTest {
    private static final char[] PHRASE = "correct horse battery staple".toCharArray();
    private static final int FAST = 10; // scrypt 2^10: the format is the same, the test is quick

    private static byte[] seal(byte[] plain) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (OutputStream out = ExportCipher.encrypting(file, PHRASE, FAST)) {
            out.write(plain);
        }
        return file.toByteArray();
    }

    private static byte[] open(byte[] sealed, char[] phrase) throws IOException {
        try (InputStream in = ExportCipher.decrypting(new ByteArrayInputStream(sealed), phrase)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, ExportCipher.CHUNK - 1, ExportCipher.CHUNK, ExportCipher.CHUNK + 1, 3 * ExportCipher.CHUNK})
    void round_trips_across_chunk_boundaries(int size) throws IOException {
        byte[] plain = RandomTokens.bytes(size);
        byte[] sealed = seal(plain);
        assertThat(ExportCipher.isEncrypted(sealed)).isTrue();
        int chunks = size / ExportCipher.CHUNK + (size % ExportCipher.CHUNK == 0 && size > 0 ? 0 : 1);
        assertThat(sealed).hasSize(ExportCipher.MAGIC.length + 1 + ExportCipher.SALT_BYTES + size + 16 * chunks);
        assertThat(open(sealed, PHRASE)).isEqualTo(plain);
    }

    @Test
    void the_same_plaintext_seals_differently_each_time() throws IOException {
        byte[] plain = "{\"userId\":\"a\"}\n".getBytes();
        assertThat(seal(plain)).isNotEqualTo(seal(plain));
    }

    @Test
    void a_wrong_passphrase_is_named() throws IOException {
        byte[] sealed = seal("line\n".getBytes());
        assertThatThrownBy(() -> open(sealed, "another passphrase".toCharArray()))
                .isInstanceOf(ExportCipher.WrongPassphraseException.class).hasMessageContaining("wrong passphrase");
    }

    @Test
    void dropping_the_last_chunk_is_refused_not_read_as_a_shorter_file() throws IOException {
        byte[] sealed = seal(RandomTokens.bytes(2 * ExportCipher.CHUNK + 10));
        byte[] cut = Arrays.copyOf(sealed, sealed.length - 26); // the 10-byte final chunk and its tag
        assertThatThrownBy(() -> open(cut, PHRASE)).isInstanceOf(IOException.class).hasMessageContaining("chunk");
    }

    @Test
    void a_changed_byte_or_header_is_refused() throws IOException {
        byte[] sealed = seal(RandomTokens.bytes(ExportCipher.CHUNK + 100));
        byte[] body = sealed.clone();
        body[body.length - 50] ^= 1;
        assertThatThrownBy(() -> open(body, PHRASE)).isInstanceOf(IOException.class);
        byte[] cost = sealed.clone();
        cost[ExportCipher.MAGIC.length] = 11;
        assertThatThrownBy(() -> open(cost, PHRASE)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> open("{\"userId\":1}".getBytes(), PHRASE)).hasMessageContaining("not an encrypted");
        byte[] greedy = sealed.clone();
        greedy[ExportCipher.MAGIC.length] = 30;
        assertThatThrownBy(() -> open(greedy, PHRASE)).hasMessageContaining("unsupported scrypt cost");
    }
}
