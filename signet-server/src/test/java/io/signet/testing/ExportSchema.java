package io.signet.testing;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * docs/export-schema.json, loaded once: the one definition of an export line that the exporter, the importer
 * and the Keycloak reader are all checked against.
 */
public final class ExportSchema {
    private static final Schema SCHEMA = load();

    private ExportSchema() {
    }

    /** What is wrong with {@code line} against the schema; empty when it is a valid line. */
    public static List<String> problems(JsonNode line) {
        return SCHEMA.validate(line).stream().map(Object::toString).toList();
    }

    /** The schema file, found from the module directory (Maven) or the repository root (an IDE). */
    public static Path file() {
        Path here = Path.of("").toAbsolutePath();
        Path file = here.resolve("docs/export-schema.json");
        return Files.exists(file) ? file : here.getParent().resolve("docs/export-schema.json");
    }

    private static Schema load() {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
