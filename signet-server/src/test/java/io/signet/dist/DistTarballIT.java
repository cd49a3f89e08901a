package io.signet.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Eventually;
import io.signet.testing.ListeningPort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release tarball runs on a machine path without Java. It is unpacked in a temporary
 * directory and {@code bin/signet serve} is started with an empty {@code PATH} (so no {@code java} can be
 * found) and no {@code JAVA_HOME}; the server must answer {@code /health}. Runs in the {@code dist} profile,
 * which builds the tarball and names it in {@code signet.dist.tarball}.
 */
@EnabledIfSystemProperty(named = "signet.dist.tarball", matches = ".+")
class DistTarballIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void the_unpacked_tarball_serves_without_any_java_on_the_path() throws Exception {
        Path tarball = Path.of(System.getProperty("signet.dist.tarball"));
        assertThat(tarball).exists();
        assertThat(tarball.getFileName().toString()).matches("signet-.+-linux-x64\\.tar\\.gz");
        assertThat(new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", dir.toString()).inheritIO().start()
                .waitFor()).isZero();
        Path home;
        try (var entries = Files.list(dir)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertThat(home.resolve("bin/signet")).isExecutable();
        assertThat(home.resolve("runtime/bin/java")).isExecutable();

        Path emptyPath = Files.createDirectory(dir.resolve("no-java-here"));
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/signet").toString(), "serve")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SIGNET_") || k.equals("JAVA_HOME") || k.startsWith("JDK_"));
        env.put("PATH", emptyPath.toString());
        env.put("SIGNET_PORT", "0"); // a free port, named in the output (ListeningPort)
        env.put("SIGNET_DATABASE_URL", "jdbc:sqlite:" + dir.resolve("data/signet.db"));
        Process server = pb.start();
        try {
            int status = Eventually.await(() -> health(dir.resolve("server.log")), s -> s == 200 || !server.isAlive(),
                    Duration.ofSeconds(120));
            assertThat(status).as(Files.readString(dir.resolve("server.log"))).isEqualTo(200);
        } finally {
            server.destroy(); // SIGTERM, as a container runtime stops it
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        assertThat(Files.readString(dir.resolve("server.log"))).contains("Signet listening on");
    }

    /** The status of {@code GET /health} on the port the log names, or -1 before it is known or answers. */
    private static int health(Path log) {
        try {
            OptionalInt port = ListeningPort.in(Files.readString(log));
            if (port.isEmpty()) {
                return -1;
            }
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + "/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
