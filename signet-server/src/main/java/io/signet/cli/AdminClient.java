package io.signet.cli;

import io.signet.wire.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/**
 * The CLI's way to a running server: one authenticated JSON request, the answer printed (pretty JSON,
 * or the raw body with {@code --json}), exit code 0 for 2xx and 1 otherwise.
 */
public final class AdminClient {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;
    private final String secretKey;
    private final boolean rawJson;

    AdminClient(String baseUrl, String secretKey, boolean rawJson) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.secretKey = secretKey;
        this.rawJson = rawJson;
    }

    /** Adds {@code name: value} to a request body unless its option was left out (null): a partial update. */
    static void putIfSet(java.util.Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    /** An answer: HTTP status and body. */
    public record Answer(int status, String body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /** Sends {@code method path} with {@code body} (any record or map, a JSON string, or null) and returns the answer. */
    public Answer send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((secretKey + ":").getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : Json.write(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** Sends {@code method path} with {@code body} (any record or map, or null) and prints the answer. */
    public int call(String method, String path, Object body, PrintStream out, PrintStream err) {
        Answer response;
        try {
            response = send(method, path, body);
        } catch (IOException e) {
            err.println("signet: cannot reach " + baseUrl + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        boolean ok = response.ok();
        PrintStream target = ok ? out : err;
        if (rawJson) {
            target.println(response.body());
        } else {
            target.println(pretty(response.body()));
        }
        return ok ? 0 : 1;
    }

    /** The base URL requests go to, for messages. */
    public String baseUrl() {
        return baseUrl;
    }

    private static String pretty(String body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (RuntimeException e) {
            return body;
        }
    }
}
