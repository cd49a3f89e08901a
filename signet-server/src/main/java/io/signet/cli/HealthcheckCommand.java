package io.signet.cli;

import io.signet.config.SignetConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./signet healthcheck}: asks the local server's {@code /health/ready} and exits 0 when it answers
 * 200, else 1, for container health checks. The address comes from the same settings as serve: the
 * management port when SIGNET_MANAGEMENT_PORT is set, else SIGNET_PORT.
 */
@Command(name = "healthcheck", description = "Call GET /health/ready of the server these settings describe (the "
        + "management port when set); exit 0 when it is ready, 1 otherwise. For container health checks.")
public final class HealthcheckCommand implements Callable<Integer> {
    @Option(names = "--url", description = "Readiness URL to call instead (e.g. http://10.0.0.5:9000/health/ready).")
    String url;

    @Option(names = "--timeout", defaultValue = "5", description = "Seconds to wait for the answer (default 5).")
    int timeoutSeconds;

    @Unmatched
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        URI target = URI.create(url != null ? url : readinessUrl(SignetConfig.from(System.getenv(), settings)));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutSeconds)).build();
        try (client) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(timeoutSeconds)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                System.out.println(answer.body());
                return 0;
            }
            System.err.println("signet: " + target + " answered " + answer.statusCode() + " " + answer.body());
            return 1;
        } catch (IOException e) {
            System.err.println("signet: " + target + " did not answer: " + e);
            return 1;
        }
    }

    /** A wildcard bind address is reached on loopback; port 0 has no address to call. */
    static String readinessUrl(SignetConfig config) {
        int port = config.managementPort().orElse(config.port());
        if (port == 0) {
            throw new IllegalArgumentException("SIGNET_PORT is 0 (a free port chosen at start): give --url");
        }
        String host = switch (config.host()) {
            case "0.0.0.0", "" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> config.host().contains(":") && !config.host().startsWith("[")
                    ? "[" + config.host() + "]" : config.host();
        };
        return "http://" + host + ":" + port + "/health/ready";
    }
}
