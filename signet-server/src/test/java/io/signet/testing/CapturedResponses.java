package io.signet.testing;

import io.signet.wire.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Every JSON answer any test received through {@link Api}, kept so {@code OpenApiResponsesIT} can validate real
 * responses against the OpenAPI document's schemas. Bounded: past {@link #LIMIT} answers a JVM keeps no more.
 *
 * <p>The build runs the integration tests in two JVMs at once and {@code OpenApiResponsesIT} after them in a
 * third, so it sets {@value #DIRECTORY_PROPERTY} to a directory of the build: each JVM appends its answers to a
 * file of its own there, and {@link #all()} reads every file. Without the property (a single test run from an
 * IDE) the answers of this JVM are kept in memory.
 */
public final class CapturedResponses {
    static final int LIMIT = 50_000;
    static final String DIRECTORY_PROPERTY = "signet.captured.responses";
    private static final List<Captured> ALL = new ArrayList<>();
    private static int count;
    private static BufferedWriter file;

    public record Captured(String method, String path, int status, String body) {
    }

    private CapturedResponses() {
    }

    static synchronized void add(String method, String path, int status, String contentType, String body) {
        if (count >= LIMIT || contentType == null || !contentType.startsWith("application/json")) {
            return;
        }
        count++;
        Captured captured = new Captured(method, path, status, body);
        Path directory = directory();
        if (directory == null) {
            ALL.add(captured);
            return;
        }
        try {
            if (file == null) {
                Files.createDirectories(directory);
                file = Files.newBufferedWriter(directory.resolve("jvm-" + ProcessHandle.current().pid() + ".jsonl"),
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("method", method);
            line.put("path", path);
            line.put("status", status);
            line.put("body", body);
            file.write(Json.write(line));
            file.newLine();
            file.flush(); // another JVM reads it, possibly after this one has exited
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answers of this JVM, and with {@value #DIRECTORY_PROPERTY} those of every test JVM of the build. */
    public static synchronized List<Captured> all() {
        Path directory = directory();
        if (directory == null || !Files.isDirectory(directory)) {
            return List.copyOf(ALL);
        }
        List<Captured> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    JsonNode n = Json.MAPPER.readTree(line);
                    all.add(new Captured(n.path("method").asString(), n.path("path").asString(),
                            n.path("status").asInt(), n.path("body").isNull() ? null : n.path("body").asString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private static Path directory() {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        return directory == null || directory.isBlank() ? null : Path.of(directory);
    }
}
