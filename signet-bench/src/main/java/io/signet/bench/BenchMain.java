package io.signet.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./signet bench}: for each backend measures the hello-world baseline, then starts Signet on a fresh
 * database, loads users, runs every scenario, and writes bench/results/LATEST.md and LATEST.json.
 * Everything it starts, it stops.
 */
public final class BenchMain {
    /** wrk's connections, and the simulated browsers or users of the passkey and email OTP scenarios. */
    static final int CONNECTIONS = 32;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Path work = Files.createTempDirectory("signet-bench-work-");
        Wrk wrk = new Wrk(2, CONNECTIONS, work);
        List<Measurement> rows = new ArrayList<>();
        List<Curve> curves = new ArrayList<>();
        Comparison previous = Comparison.keepPrevious(options.out());

        boolean everything = options.only() == null;
        if (everything) {
            for (String backend : options.backends()) {
                // Measured again before each backend, whose ratios use it: a run takes tens of minutes on a shared
                // machine, and a baseline from the start would compare one backend's load with another's.
                WrkResult hello = baseline(options, wrk, work);
                rows.add(new Measurement(backend, "hello-world baseline", hello.rps(), hello.p50_ms(), hello.p99_ms(),
                        hello.non2xx() + hello.socket_errors(), 1.0, null, null, null));
                BackendRun.Result result = new BackendRun(options, wrk, work, backend, hello).run();
                rows.addAll(result.rows());
                curves.addAll(result.curves());
                // written after each backend too, so a run stopped half-way still leaves what it measured
                Report.write(options.out(), environment(options), rows, curves, previous);
            }
        }
        if (options.runs("import")) {
            try {
                for (String backend : options.backends()) {
                    rows.addAll(new ImportBench(options, work).run(backend));
                    Report.write(options.out(), environment(options), rows, curves, previous);
                }
            } finally {
                ImportFile.deleteAll(work);
            }
        }
        if (everything) {
            rows.addAll(Jmh.run(options));
        }
        Report.write(options.out(), environment(options), rows, curves, previous);
        System.out.println("bench: wrote " + options.out().resolve("LATEST.md"));
    }

    private static WrkResult baseline(BenchOptions options, Wrk wrk, Path work) throws Exception {
        int port = freePort();
        List<String> cmd = javaCommand(options, options.benchJar());
        cmd.addAll(List.of("-cp", options.benchJar().toString(), HelloServer.class.getName(), Integer.toString(port)));
        try (ManagedProcess hello = ManagedProcess.start(cmd, Map.of(), port, work.resolve("hello.log"))) {
            System.out.println("bench: baseline hello-world");
            return wrk.run("hello", "http://127.0.0.1:" + port, Map.of(), options.warmupSeconds(),
                    options.measureSeconds());
        }
    }

    /**
     * java, the launcher's flags and class data sharing with an archive per jar, exactly as ./signet runs the
     * server, so baseline and server start the same way.
     */
    static List<String> javaCommand(BenchOptions options, Path jar) {
        List<String> cmd = new ArrayList<>(List.of(options.java()));
        cmd.addAll(options.jvmFlags());
        String archive = jar.toString().replaceAll("\\.jar$", "") + ".jsa";
        cmd.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive"));
        return cmd;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String randomSecret() {
        return "sk_bench_" + UUID.randomUUID().toString().replace("-", "");
    }

    static String randomEncryptionKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static Map<String, Object> environment(BenchOptions options) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("date", Instant.now().toString());
        env.put("mode", (options.quick() ? "quick" : "full") + (options.only() == null ? "" : ", only " + options.only()));
        env.put("cpus", Runtime.getRuntime().availableProcessors());
        env.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        env.put("jvm flags", String.join(" ", options.jvmFlags()) + (options.only() == null
                ? " + class data sharing (archive per jar, primed by one start before the measured one)" : ""));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        env.put("commit", git("rev-parse", "--short", "HEAD"));
        if (options.only() == null) {
            env.put("users loaded", options.users());
        }
        if (options.runs("import")) {
            env.put("import", "./signet import --tenant of generated exports of " + options.importScales()
                    + " users (EMAIL_OTP + TOTP each), load average before: " + loadAverage());
        }
        if (options.only() == null) {
            env.put("wrk", "2 threads, 32 connections, " + options.warmupSeconds() + " s warm-up, "
                    + options.measureSeconds() + " s measured");
        }
        return env;
    }

    /** The 1, 5 and 15 minute load averages: the machine is shared, and the import figures depend on it. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String git(String... args) {
        try {
            List<String> cmd = new ArrayList<>(List.of("git"));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
