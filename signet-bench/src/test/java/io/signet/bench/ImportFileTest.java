package io.signet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.ExportSchema;
import io.signet.wire.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The import benchmark's file is a valid export with distinct ids, and the same file every run. */
class ImportFileTest {
    @TempDir
    Path dir;

    @Test
    void every_line_is_a_valid_export_line_with_distinct_ids() throws Exception {
        List<String> lines = Files.readAllLines(ImportFile.of(dir, 500));
        assertThat(lines).hasSize(500);
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            JsonNode user = Json.MAPPER.readTree(line);
            assertThat(ExportSchema.problems(user)).as(line).isEmpty();
            assertThat(ids.add(user.path("userId").asString())).isTrue();
            user.path("authenticators").forEach(a -> assertThat(ids.add(a.path("authenticatorId").asString())).isTrue());
        }
        assertThat(ids).hasSize(1500);
    }

    @Test
    void the_file_is_the_same_every_run_and_removed_afterwards() throws Exception {
        String first = Files.readString(ImportFile.of(dir, 50));
        Files.delete(dir.resolve("import-50.jsonl"));
        assertThat(Files.readString(ImportFile.of(dir, 50))).isEqualTo(first);
        ImportFile.deleteAll(dir);
        assertThat(dir).isEmptyDirectory();
    }
}
