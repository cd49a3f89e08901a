package io.signet.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A server under test in its own JVM: started, timed until {@code /health} answers, measured for peak
 * resident memory (VmHWM), and always stopped.
 */
final class ManagedProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Process process;
    private final long startToHealthyMillis;
    private final int port;
    private final long startedNanos;

    private ManagedProcess(Process process, long startToHealthyMillis, int port, long startedNanos) {
        this.process = process;
        this.startToHealthyMillis = startToHealthyMillis;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    static ManagedProcess start(List<String> command, Map<String, String> env, int port, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.directory(new File("."));
        long started = System.nanoTime();
        Process p = pb.start();
        long deadline = started + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("server exited during start-up; log: " + Files.readString(log));
            }
            if (healthy(port)) {
                return new ManagedProcess(p, (System.nanoTime() - started) / 1_000_000, port, started);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        p.destroyForcibly();
        throw new IOException("server not healthy within 60 s; log: " + log);
    }

    private static boolean healthy(int port) {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    long startToHealthyMillis() {
        return startToHealthyMillis;
    }

    /** Milliseconds since the process was started (close to its JVM's uptime, which GC logs use). */
    long uptimeMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    int port() {
        return port;
    }

    /** Peak resident set size of the process so far, in MiB, from /proc (Linux). */
    double peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
