package io.signet.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.export.ExportCipher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading export files: numbering, blank and CRLF lines, lines too long to hold, encryption, resume skipping. */
class JsonlSourceTest {
    @TempDir
    Path dir;

    private static List<ImportLine> all(ImportSource source) {
        List<ImportLine> lines = new ArrayList<>();
        source.forEachRemaining(lines::add);
        return lines;
    }

    @Test
    void lines_are_numbered_as_an_editor_numbers_them_and_bad_ones_say_why() throws IOException {
        String huge = "{\"x\":\"" + "a".repeat(JsonlSource.MAX_LINE_BYTES) + "\"}";
        String text = "{\"userId\":\"a\"}\r\n\n[1,2]\n{broken\n" + huge + "\n{\"userId\":\"b\"}";
        try (JsonlSource source = JsonlSource.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            List<ImportLine> lines = all(source);
            assertThat(lines).extracting(ImportLine::number).containsExactly(1L, 3L, 4L, 5L, 6L);
            assertThat(lines.get(0).userIdOrNull()).isEqualTo("a");
            assertThat(lines.get(1).unreadable()).contains("not a JSON object");
            assertThat(lines.get(2).unreadable()).contains("not valid JSON");
            assertThat(lines.get(3).unreadable()).contains("longer than 256 KiB");
            assertThat(lines.get(4).userIdOrNull()).as("the line after a cut one is read whole").isEqualTo("b");
        }
    }

    @Test
    void an_encrypted_export_is_decrypted_and_skipping_passes_over_lines_without_reading_them() throws IOException {
        Path file = dir.resolve("users.enc");
        try (OutputStream out = ExportCipher.encrypting(Files.newOutputStream(file), "a long passphrase".toCharArray(), 10)) {
            for (int i = 1; i <= 2000; i++) {
                out.write(("{\"userId\":\"u" + i + "\"}\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        try (JsonlSource source = JsonlSource.open(file, "a long passphrase"::toCharArray)) {
            source.skipThrough(1500);
            List<ImportLine> lines = all(source);
            assertThat(lines).hasSize(500);
            assertThat(lines.getFirst().number()).isEqualTo(1501);
            assertThat(lines.getFirst().userIdOrNull()).isEqualTo("u1501");
            assertThat(source.fractionRead()).isEqualTo(1.0);
        }
    }

    @Test
    void progress_shows_count_share_rate_and_eta() {
        assertThat(Progress.describe(2500, 0.25, 5_000_000_000L)).isEqualTo("2,500 users   25%  500/s  ETA 0:15");
        assertThat(Progress.describe(10, -1, 1_000_000_000L)).isEqualTo("10 users  10/s");
        assertThat(Progress.clock(java.time.Duration.ofSeconds(3725))).isEqualTo("1:02:05");
    }
}
