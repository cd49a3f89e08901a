package io.signet.testing;

import io.signet.Signet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Signet as a separate operating-system process ({@code java -cp <test class path> io.signet.Signet serve}), so
 * a test can kill it with SIGKILL mid-write, as a crash or an out-of-memory kill would, and start it again on
 * the same database. Its output goes to a log file beside the database.
 */
public final class SignetProcess implements AutoCloseable {
    private static final HttpClient HEALTH = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration START_WITHIN = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private int port; // known once the server says where it listens

    private SignetProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a node on {@code databaseUrl} with {@link TestServer#SECRET_KEY} and {@code encryptionKey}, plus
     * {@code extraEnv}, and waits until {@code /health} answers 200. {@code shellPrefix} (e.g. {@code ulimit -f
     * 2048;}) runs in the shell that starts the JVM, for limits a test imposes on the process.
     */
    public static SignetProcess start(String databaseUrl, byte[] encryptionKey, Map<String, String> extraEnv,
                                      Path logDir, String shellPrefix) {
        Path log = logDir.resolve("signet-" + System.nanoTime() + ".log");
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx192m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "--enable-native-access=ALL-UNNAMED", "-cp", classPath(), Signet.class.getName(), "serve"));
        List<String> command = new ArrayList<>();
        if (shellPrefix != null) { // bash applies the prefix, then becomes java (its arguments are "$@")
            command.addAll(List.of("bash", "-c", shellPrefix + " exec \"$@\"", "signet"));
        }
        command.addAll(java);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SIGNET_")); // Signet refuses variables it does not know
        env.put("SIGNET_HOST", "127.0.0.1");
        env.put("SIGNET_PORT", "0"); // a free port, named in the output (ListeningPort)
        env.put("SIGNET_DATABASE_URL", databaseUrl);
        env.put("SIGNET_SECRET_KEY", TestServer.SECRET_KEY);
        env.put("SIGNET_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(encryptionKey));
        env.put("SIGNET_LOG_LEVEL", "WARN");
        env.putAll(extraEnv);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            SignetProcess node = new SignetProcess(pb.start(), log);
            node.awaitHealthy();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SignetProcess start(String databaseUrl, byte[] encryptionKey, Map<String, String> extraEnv,
                                      Path logDir) {
        return start(databaseUrl, encryptionKey, extraEnv, logDir, null);
    }

    /** The class path this test runs with: Signet's classes and every dependency. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + START_WITHIN.toNanos();
        while (health() != 200) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException("Signet did not start (exit " + (process.isAlive() ? "none" :
                        process.exitValue()) + "); its log:\n" + logText());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /** The status of {@code GET /health}, or -1 when nothing answers (or the server has not said its port yet). */
    public int health() {
        if (port == 0) {
            port = ListeningPort.in(logText()).orElse(0);
            if (port == 0) {
                return -1;
            }
        }
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).timeout(Duration.ofSeconds(15))
                    .build();
            return HEALTH.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Api api() {
        return new Api(baseUrl(), TestServer.SECRET_KEY);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no graceful close, no flush; what is on disk is what survives. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Signet did not die after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
