package io.signet.bench;

import io.signet.wire.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The import benchmark: {@code ./signet import --tenant} of a generated export ({@link ImportFile}: users with two
 * authenticators each) into a fresh database, in its own JVM with the launcher's flags, as an operator runs
 * it. Measured: wall time from process start to exit, users per second, and the process's peak resident set
 * (VmHWM, polled from /proc). At each size of {@link BenchOptions#importScales()}, so the report shows
 * whether memory stays flat as the file grows. Targets: under 5 minutes and under 512 MiB.
 */
final class ImportBench {
    static final double TARGET_SECONDS = 300;
    static final double TARGET_RSS_MIB = 512;
    /** "Flat": the largest file's peak RSS within a quarter of the smallest's (a JVM's heap settles, it does not grow). */
    static final double FLAT_FACTOR = 1.25;

    /** One measured import. */
    record Run(long users, double seconds, double peakRssMib, long created, long rejected, int exitCode, String load) {
        double usersPerSecond() {
            return users / seconds;
        }
    }

    private final BenchOptions options;
    private final Path work;

    ImportBench(BenchOptions options, Path work) {
        this.options = options;
        this.work = work;
    }

    /** Every size on {@code backend}, then the flat-memory comparison of the smallest and largest. */
    List<Measurement> run(String backend) throws Exception {
        List<Measurement> rows = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        for (long users : options.importScales()) {
            System.out.println("bench: " + backend + ": generating an export of " + users + " users");
            Path file = ImportFile.of(work, users);
            System.out.println("bench: " + backend + ": ./signet import of " + users + " users x 2 authenticators");
            Run r = importInto(backend, file, users);
            runs.add(r);
            rows.add(row(backend, r));
        }
        if (runs.size() > 1) {
            Run small = runs.getFirst();
            Run large = runs.getLast();
            boolean flat = large.peakRssMib() <= small.peakRssMib() * FLAT_FACTOR;
            rows.add(new Measurement(backend, "import peak RSS as the file grows", Double.NaN, Double.NaN, Double.NaN,
                    0, null, "flat (<= " + FLAT_FACTOR + "x)", flat, String.format(Locale.ROOT,
                    "%.0f MiB at %,d users, %.0f MiB at %,d users", small.peakRssMib(), small.users(),
                    large.peakRssMib(), large.users())));
        }
        return rows;
    }

    private static Measurement row(String backend, Run r) {
        boolean met = r.exitCode() == 0 && r.created() == r.users() && r.seconds() < TARGET_SECONDS
                && r.peakRssMib() > 0 && r.peakRssMib() < TARGET_RSS_MIB;
        return new Measurement(backend, String.format(Locale.ROOT, "import %,d users x 2 authenticators (users/s)",
                r.users()), r.usersPerSecond(), Double.NaN, Double.NaN, r.rejected() + (r.exitCode() == 0 ? 0 : 1),
                null, "< 5 min, < 512 MiB", met, String.format(Locale.ROOT,
                "%.1f s wall, %.0f MiB peak RSS, %,d created; ./signet import --tenant in its own JVM; load average "
                + "before: %s", r.seconds(), r.peakRssMib(), r.created(), r.load()));
    }

    /** A fresh database and tenant, then the import as its own process, timed and sampled until it exits. */
    private Run importInto(String backend, Path file, long users) throws Exception {
        String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = Backends.freshUrl(backend, runId);
        Map<String, String> env = Map.of("SIGNET_DATABASE_URL", url,
                "SIGNET_ENCRYPTION_KEY", BenchMain.randomEncryptionKey());
        try {
            JsonNode tenant = Json.MAPPER.readTree(exec(List.of("tenant", "create", "--name", "import-bench", "--json"),
                    env, "import-tenant-" + backend).stdout());
            List<String> args = List.of("import", file.toString(), "--tenant", tenant.path("tenantId").asString(),
                    "--json", "--rejects", work.resolve("import-" + backend + "-" + users + ".rejects.jsonl").toString(),
                    "--checkpoint", work.resolve("import-" + backend + ".checkpoint.json").toString());
            String load = BenchMain.loadAverage();
            Exec done = exec(args, env, "import-" + backend + "-" + users);
            JsonNode summary = done.stdout().isBlank() ? Json.MAPPER.createObjectNode()
                    : Json.MAPPER.readTree(done.stdout().lines().reduce((a, b) -> b).orElse("{}"));
            return new Run(users, done.seconds(), done.peakRssMib(), summary.path("created").asLong(0),
                    summary.path("rejected").asLong(0), done.exitCode(), load);
        } finally {
            Backends.drop(backend, runId);
            if (backend.equals("sqlite")) {
                deleteTree(Path.of(url.substring("jdbc:sqlite:".length())).getParent());
            }
        }
    }

    private record Exec(String stdout, double seconds, double peakRssMib, int exitCode) {
    }

    /**
     * Runs the server jar with {@code args} as {@code ./signet} would (java, SIGNET_JVM_FLAGS, -jar) and samples
     * its VmHWM every 20 ms: the kernel's high-water mark only rises, so the last sample before exit is the peak
     * but for what the process touched in its final 20 ms (its shutdown, which allocates little).
     */
    private Exec exec(List<String> args, Map<String, String> env, String name) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(options.java()));
        cmd.addAll(options.jvmFlags());
        cmd.addAll(List.of("-jar", options.serverJar().toString()));
        cmd.addAll(args);
        Path out = work.resolve(name + ".out");
        Path log = work.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(log.toFile());
        pb.environment().putAll(env);
        long started = System.nanoTime();
        Process p = pb.start();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        double peak = -1;
        while (p.isAlive()) {
            peak = Math.max(peak, vmHwmMib(status));
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int code = p.waitFor();
        if (code != 0) {
            System.out.println("bench: " + name + " exited with " + code + "; log: " + log);
        }
        return new Exec(Files.readString(out), seconds, peak, code);
    }

    private static double vmHwmMib(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1; // the process ended between isAlive and the read
        }
        return -1;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
