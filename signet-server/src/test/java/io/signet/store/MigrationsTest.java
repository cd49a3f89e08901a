package io.signet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both dialects carry the same migration versions with the same names, so neither falls behind. */
class MigrationsTest {
    private static final Path ROOT = Path.of("src/main/resources/db/migration");

    @Test
    void sqlite_and_postgresql_have_the_same_migration_list() throws IOException {
        List<String> sqlite = names("sqlite");
        assertThat(sqlite).isNotEmpty().allMatch(n -> n.matches("V\\d+__[a-z0-9_]+\\.sql"));
        assertThat(names("postgresql")).isEqualTo(sqlite);
    }

    private static List<String> names(String dialect) throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve(dialect))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
