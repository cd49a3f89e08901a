package io.signet.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.Eventually;
import io.signet.testing.TestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind a proxy: the tests connect from 127.0.0.1, which is a trusted proxy for one
 * server and not for the other. Headers from the trusted peer set the link's scheme and host and the
 * address the Client API's sending limit counts; the same headers from an untrusted peer change nothing.
 */
class ProxyHeadersIT {
    private static final Map<String, String> SPOOFED = Map.of("X-Forwarded-Proto", "https",
            "X-Forwarded-Host", "auth.example.com");

    @TempDir
    Path tempDir;
    @RegisterExtension
    final AccessLogLines lines = new AccessLogLines();

    /** Waits for the access-log line of the track call (written after the answer) and returns every line. */
    private List<String> trackLines() {
        return Eventually.await(lines::messages, all -> all.stream().anyMatch(l -> l.startsWith("POST /v1/users/{userId}/actions/{action} 200")),
                Duration.ofSeconds(5));
    }

    private TestServer start(String trustedProxies) {
        return TestServer.start(Backend.SQLITE, tempDir, Map.of("SIGNET_PROXY_HEADERS", "xforwarded",
                "SIGNET_TRUSTED_PROXIES", trustedProxies, "SIGNET_DEV_DELIVERY", "stdout",
                "SIGNET_SEND_LIMIT_PER_IP", "2", "SIGNET_SEND_LIMIT_PER_USER", "100", "SIGNET_ACCESS_LOG", "true"),
                Clock.systemUTC());
    }

    /** A user with a verified email OTP authenticator and a track token that needs a challenge. */
    private static String token(Api api, String user) {
        assertThat(api.patch("/admin/v1/action-configurations/signIn", Map.of("defaultOutcome", "CHALLENGE"))
                .status()).isEqualTo(200);
        assertThat(api.post("/v1/users/" + user + "/authenticators", Map.of("verificationMethod", "EMAIL_OTP",
                "email", user + "@example.com")).status()).isEqualTo(200);
        return api.post("/v1/users/" + user + "/actions/signIn", Map.of()).json().path("token").asString();
    }

    private static int clientChallenge(TestServer server, String token, String forwardedFor) {
        Map<String, String> headers = new HashMap<>(SPOOFED);
        headers.put("X-Forwarded-For", forwardedFor);
        headers.put("Authorization", "Bearer " + token);
        headers.put("Content-Type", "application/json");
        return new Api(server.baseUrl(), null).send("POST", "/v1/client/challenge/email-otp", "", headers).status();
    }

    private static String trackUrl(TestServer server) {
        Map<String, String> headers = new HashMap<>(SPOOFED);
        headers.put("X-Forwarded-For", "198.51.100.7");
        ApiResponse r = server.api().send("POST", "/v1/users/u-links/actions/signIn", Map.of(), headers);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("url").asString();
    }

    @Test
    void a_trusted_proxy_sets_the_public_url_and_the_client_address() {
        try (TestServer server = start("127.0.0.1/32")) {
            assertThat(trackUrl(server)).startsWith("https://auth.example.com/ui?token=");
            assertThat(trackLines()).anyMatch(l -> l.endsWith(" client=198.51.100.7"));
            assertThat(server.api().post("/v1/users/u-plain/actions/signIn", Map.of()).json().path("url").asString())
                    .as("without headers, the bound address").startsWith(server.baseUrl() + "/ui?token=");

            String token = token(server.api(), "u-proxied");
            assertThat(clientChallenge(server, token, "198.51.100.1")).isEqualTo(200);
            assertThat(clientChallenge(server, token, "198.51.100.1")).isEqualTo(200);
            assertThat(clientChallenge(server, token, "198.51.100.1")).as("third from one client address")
                    .isEqualTo(429);
            assertThat(clientChallenge(server, token, "198.51.100.2")).as("another client behind the proxy")
                    .isEqualTo(200);
        }
    }

    @Test
    void the_same_headers_from_an_untrusted_peer_are_ignored() {
        try (TestServer server = start("10.0.0.0/8")) {
            assertThat(trackUrl(server)).startsWith(server.baseUrl() + "/ui?token=");
            assertThat(trackLines()).anyMatch(l -> l.endsWith(" client=127.0.0.1"))
                    .noneMatch(l -> l.contains("198.51.100"));

            String token = token(server.api(), "u-spoofing");
            assertThat(clientChallenge(server, token, "198.51.100.1")).isEqualTo(200);
            assertThat(clientChallenge(server, token, "198.51.100.2")).isEqualTo(200);
            assertThat(clientChallenge(server, token, "198.51.100.3"))
                    .as("a new X-Forwarded-For each time does not escape the limit of the real peer").isEqualTo(429);
        }
    }
}
