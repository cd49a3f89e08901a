package io.signet.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.cli.CliRunner;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.ClientApi;
import io.signet.testing.Rfc6238;
import io.signet.testing.TestServer;
import io.signet.text.UrlEncoding;
import io.signet.wire.Json;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A browser visiting the console over real HTTP, without JavaScript: it keeps the cookies the console
 * sets and posts its forms. Enrollment runs as on the hosted page, through the Client API the page calls,
 * with an authenticator app (the operator's fallback factor) whose codes come from RFC 6238.
 */
final class ConsoleVisitor {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]{64})\"");
    private final TestServer server;
    private final Api http;
    final Map<String, String> cookies = new HashMap<>();
    /** Every Set-Cookie header received, in full (to check the flags). */
    final List<String> setCookies = new java.util.ArrayList<>();

    ConsoleVisitor(TestServer server) {
        this.server = server;
        this.http = new Api(server.baseUrl(), null);
    }

    /** Creates an operator with the CLI and returns the link's token. */
    static String invite(TestServer server, String email) {
        CliRunner.Run run = CliRunner.run(server, "console-admin", "create", "--email", email, "--json");
        assertThat(run.code()).as(run.err()).isZero();
        String url = Json.MAPPER.readTree(run.out()).path("enrollmentUrl").asString();
        return url.substring(url.indexOf("token=") + "token=".length());
    }

    ApiResponse get(String path) {
        return remember(http.send("GET", path, null, headers()));
    }

    /** Posts a form with the given fields as they are (the caller adds the CSRF field it wants). */
    ApiResponse post(String path, Map<String, String> fields) {
        Map<String, String> headers = headers();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        String form = fields.entrySet().stream().map(e -> e.getKey() + "=" + UrlEncoding.form(e.getValue()))
                .collect(Collectors.joining("&"));
        return remember(http.send("POST", path, form, headers));
    }

    static String csrf(ApiResponse page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a CSRF field in " + page.body()).isTrue();
        return m.group(1);
    }

    /**
     * Opens the enrollment link, enrols an authenticator app through the Client API as the hosted page does,
     * and returns to the console; returns the app's secret. The visitor is signed in afterwards.
     */
    String enrolWithApp(String linkToken, Clock clock) {
        ApiResponse form = get("/console/enroll?token=" + linkToken);
        ApiResponse toPage = post("/console/enroll", Map.of("csrf", csrf(form), "token", linkToken));
        assertThat(toPage.status()).as(toPage.toString()).isEqualTo(303);
        String trackToken = toPage.header("Location").replaceAll(".*[?&]token=([^&]+).*", "$1");
        ClientApi client = ClientApi.bearer(server.baseUrl(), trackToken);
        String secret = client.post("/user-authenticators/totp", null).json().path("secret").asString();
        JsonNode verified = client.post("/verify/totp", Map.of("verificationCode",
                Rfc6238.code(secret, clock.instant(), 0))).json();
        assertThat(verified.path("isVerified").asBoolean()).as(verified.toString()).isTrue();
        ApiResponse back = get(ConsoleSignIn.RETURN_PATH + "?token=" + verified.path("accessToken").asString());
        assertThat(back.status()).as(back.toString()).isEqualTo(303);
        assertThat(back.header("Location")).isEqualTo("/console/users");
        return secret;
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new HashMap<>();
        if (!cookies.isEmpty()) {
            headers.put("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return headers;
    }

    private ApiResponse remember(ApiResponse r) {
        for (String c : r.raw().headers().allValues("Set-Cookie")) {
            setCookies.add(c);
            String pair = c.substring(0, c.indexOf(';'));
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (value.isEmpty() || c.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return r;
    }
}
