package io.signet.bench;

import io.signet.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs wrk (closed loop, fixed duration and connections) with common.lua plus a scenario script, after
 * an unmeasured warm-up of the same shape.
 */
final class Wrk {
    private final int threads;
    private final int connections;
    private final Path workDir;

    Wrk(int threads, int connections, Path workDir) {
        this.threads = threads;
        this.connections = connections;
        this.workDir = workDir;
    }

    WrkResult run(String scenario, String baseUrl, Map<String, String> env, int warmupSeconds, int seconds)
            throws IOException, InterruptedException {
        Path script = workDir.resolve(scenario + ".lua");
        Files.writeString(script, resource("common.lua") + "\n" + resource(scenario + ".lua"));
        if (warmupSeconds > 0) {
            execute(script, baseUrl, env, warmupSeconds);
        }
        return execute(script, baseUrl, env, seconds);
    }

    private WrkResult execute(Path script, String baseUrl, Map<String, String> env, int seconds)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "-s", script.toString(), baseUrl));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("wrk failed: " + out);
        }
        String json = out.lines().filter(l -> l.startsWith("{\"requests\"")).reduce((a, b) -> b)
                .orElseThrow(() -> new IOException("wrk printed no summary: " + out));
        return Json.MAPPER.readValue(json, WrkResult.class);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Wrk.class.getResourceAsStream("/wrk/" + name)) {
            if (in == null) {
                throw new IOException("missing wrk script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
