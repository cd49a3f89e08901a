package io.signet.imports;

import io.signet.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reject file: one JSON line per rejected input line ({@code line}, {@code userId}, {@code field},
 * {@code reason}; docs/export-format.md "Reject file"). Owner-only, as it names users. On resume it is cut
 * back to the length the checkpoint recorded, so lines of a batch that is redone are not reported twice.
 */
final class RejectFile implements AutoCloseable {
    private final FileChannel channel;
    private final Writer writer;

    private RejectFile(FileChannel channel) {
        this.channel = channel;
        this.writer = Channels.newWriter(channel, StandardCharsets.UTF_8);
    }

    /** A new, empty reject file, or with {@code keepBytes} >= 0 the existing one cut to that length. */
    static RejectFile open(Path file, long keepBytes) {
        try {
            if (keepBytes < 0 || !Files.exists(file)) {
                Files.deleteIfExists(file);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                }
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
            channel.truncate(Math.max(0, keepBytes));
            channel.position(channel.size());
            return new RejectFile(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reject file " + file + ": " + e.getMessage(), e);
        }
    }

    void add(LineResult r) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("line", r.line());
        line.put("userId", r.userId());
        line.put("field", r.field());
        line.put("reason", r.reason());
        try {
            writer.write(Json.write(line));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reject file: " + e.getMessage(), e);
        }
    }

    /** Writes out what was added and returns the file's length, for the checkpoint. */
    long flush() {
        try {
            writer.flush();
            return channel.position();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reject file: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reject file: " + e.getMessage(), e);
        }
    }
}
