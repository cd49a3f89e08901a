package io.signet.imports;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.signet.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * How far an import got, written after every committed batch (docs/export-format.md "Checkpoint file"): the
 * last line whose batch is in the database, the input it belongs to and the target tenant, the reject file's
 * length at that point, and the counts so far. {@code --resume} continues after {@code lastLine}. Written to a
 * temporary file and renamed, so a crash leaves the previous checkpoint or the new one, never half of one.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Checkpoint(int version, String input, long inputBytes, String inputModified, String tenantId,
                         long lastLine, long rejectsBytes, Counts counts) {
    static final int VERSION = 1;

    /** Lines by outcome. */
    public record Counts(long created, long updated, long unchanged, long rejected) {
        static final Counts ZERO = new Counts(0, 0, 0, 0);

        Counts plus(LineResult.Outcome outcome) {
            return switch (outcome) {
                case CREATED -> new Counts(created + 1, updated, unchanged, rejected);
                case UPDATED -> new Counts(created, updated + 1, unchanged, rejected);
                case UNCHANGED -> new Counts(created, updated, unchanged + 1, rejected);
                case REJECTED -> new Counts(created, updated, unchanged, rejected + 1);
            };
        }

        public long total() {
            return created + updated + unchanged + rejected;
        }
    }

    /** The identity of {@code input} now: its absolute path, size and modification time. */
    static Checkpoint start(Path input, String tenantId) {
        try {
            Path file = input.toAbsolutePath();
            return new Checkpoint(VERSION, file.toString(), Files.size(file),
                    Files.getLastModifiedTime(file).toInstant().toString(), tenantId, 0, 0, Counts.ZERO);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + input + ": " + e.getMessage(), e);
        }
    }

    Checkpoint advanced(long line, long rejectsLength, Counts now) {
        return new Checkpoint(version, input, inputBytes, inputModified, tenantId, line, rejectsLength, now);
    }

    /** Why this checkpoint cannot continue an import of {@code fresh} (same file, unchanged, same tenant), or empty. */
    Optional<String> mismatch(Checkpoint fresh) {
        if (version != VERSION) {
            return Optional.of("it was written by another version of Signet (checkpoint version " + version + ")");
        }
        if (!input.equals(fresh.input) || inputBytes != fresh.inputBytes || !inputModified.equals(fresh.inputModified)) {
            return Optional.of("it belongs to " + input + " as it was at " + inputModified + " (" + inputBytes
                    + " bytes), and the file to import is not that file any more");
        }
        if (!tenantId.equals(fresh.tenantId)) {
            return Optional.of("it was an import into tenant " + tenantId + ", not " + fresh.tenantId);
        }
        return Optional.empty();
    }

    static Optional<Checkpoint> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(Files.readString(file), Checkpoint.class));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the checkpoint " + file + " cannot be read (" + e.getMessage()
                    + "); delete it to start the import from the beginning");
        }
    }

    void write(Path file) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, Json.write(this) + "\n");
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

}
