package io.signet.imports.keycloak;

import io.signet.wire.Json;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Everything a Keycloak import left behind: one JSON line per {@link NotCarried} in a file beside the export
 * (usernames are personal data, so the file is its owner's only), and a count per kind for the summary. The
 * counts are all that is kept in memory, so a million skipped passwords cost a few map entries.
 */
public final class CarryOverReport implements Consumer<NotCarried>, Closeable {
    private final Path file;
    private final Writer out;
    private final Map<String, Long> counts = new TreeMap<>();

    private CarryOverReport(Path file, Writer out) {
        this.file = file;
        this.out = out;
    }

    /** A report written to {@code file} (replaced); {@code null} keeps only the counts (a dry run's summary). */
    public static CarryOverReport to(Path file) {
        if (file == null) {
            return new CarryOverReport(null, Writer.nullWriter());
        }
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            return new CarryOverReport(file, new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }

    /** The default place: {@code EXPORT.not-imported.jsonl} beside the export. */
    public static Path besides(Path export) {
        Path absolute = export.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".not-imported.jsonl");
    }

    @Override
    public synchronized void accept(NotCarried item) {
        counts.merge(item.what(), 1L, Long::sum);
        try {
            out.write(Json.write(item));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }

    /** How many of each kind ({@link NotCarried#what()}), in name order. */
    public synchronized Map<String, Long> counts() {
        return Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /** One line for a person: "12 credential password, 1 user (see FILE)", or that nothing was left behind. */
    public synchronized String summary() {
        if (counts.isEmpty()) {
            return "Everything in the Keycloak export was carried over.";
        }
        String list = counts.entrySet().stream().map(e -> String.format("%,d %s", e.getValue(), e.getKey()))
                .collect(Collectors.joining(", "));
        return "Not carried over from Keycloak: " + list + (file == null ? "." : " (each with its user and reason in "
                + file + ").");
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }
}
