package io.signet.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.challenge.ChallengeHarness;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.ClientApi;
import io.signet.testing.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden wire files: the main answers of each feature, and a webhook body, compared byte for byte with
 * {@code src/test/resources/golden/<name>.json}, on SQLite and on PostgreSQL against the same files (the
 * database must not show on the wire). The API suites check meaning; these catch everything
 * else that reaches an SDK: field order, a field appearing or vanishing, a number turned string, a
 * changed error text.
 *
 * <p>One scripted story on a fixed clock (2026-01-02T03:04:05.678Z), a fixed public URL, fixed user ids,
 * contacts and idempotency keys, so times and expiries repeat to the millisecond and need no
 * normalising. Only what Signet generates at random is replaced before the comparison: UUIDs (ids of
 * authenticators, challenges, events, the tenant) by {@code <uuid>}, JWTs (action and access tokens, also
 * inside track's {@code url}) by {@code <jwt>}, and the other random secrets by {@code <secret>} (refresh
 * tokens, recovery codes, a passkey ceremony's challenge), and the port of the test's webhook receiver by
 * {@code <port>}. Files hold the body followed by one newline.
 *
 * <p>To regenerate after an intended wire change, run with {@code -Dsignet.updateGolden=true}, e.g.
 * {@code ./mvnw -B verify -pl signet-server -Dit.test=GoldenWireSqliteIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsignet.updateGolden=true}, and review the diff of the files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class GoldenWireContract {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("signet.updateGolden");
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final String USER = "golden-user";
    private static final String EMAIL = "golden@example.com";
    private static final String PHONE = "+64270000001";
    private static final String ACTION_KEY = "golden-action-1";
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Pattern REFRESH_TOKEN = Pattern.compile("(\"refreshToken\":\")[^\"]+\"");
    private static final Pattern RECOVERY_CODES = Pattern.compile("\"recoveryCodes\":\\[[^\\]]*\\]");
    private static final Pattern LOCAL_PORT = Pattern.compile("//127\\.0\\.0\\.1:\\d+");
    private static final Pattern CEREMONY_CHALLENGE = Pattern.compile("(\"challenge\":\")[A-Za-z0-9_-]{16,}\"");

    private ChallengeHarness h;
    private WebhookReceiver receiver;
    private Api api;
    private String token;
    private String challengeId;
    private String refreshToken;

    abstract Backend backend();

    @BeforeAll
    void start(@TempDir Path tempDir) {
        h = new ChallengeHarness(backend(), tempDir, Map.of("SIGNET_WEBHOOK_ALLOW_PRIVATE", "true",
                "SIGNET_PUBLIC_URL", "https://signet.golden.test"), NOW);
        api = h.api;
        receiver = WebhookReceiver.start();
        ApiResponse endpoint = api.post("/admin/v1/webhooks", Map.of("url", receiver.url(),
                "eventTypes", List.of("authenticator.created")));
        assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(200);
        golden("webhook-create", endpoint);
    }

    @AfterAll
    void stop() {
        receiver.close();
        h.close();
    }

    @Test
    @Order(1)
    void updateUser() {
        golden("user-update", api.patch("/v1/users/" + USER, Map.of("email", EMAIL, "emailVerified", true,
                "phoneNumber", PHONE, "username", "golden", "displayName", "Golden User",
                "custom", Map.of("plan", "gold"))));
    }

    @Test
    @Order(2)
    void enrollVerifiedAuthenticator() {
        golden("enroll-sms", api.post("/v1/users/" + USER + "/authenticators",
                Map.of("verificationMethod", "SMS", "phoneNumber", PHONE)));
        // Lists are ordered by creation time, then by the random id: a second apart keeps their order fixed.
        h.clock.advance(Duration.ofSeconds(1));
        golden("enroll-email-otp", api.post("/v1/users/" + USER + "/authenticators",
                Map.of("verificationMethod", "EMAIL_OTP", "email", EMAIL)));
    }

    @Test
    @Order(3)
    void webhookEventPayload() {
        List<WebhookReceiver.Received> got = receiver.awaitCount(2, Duration.ofSeconds(30));
        String sms = got.stream().map(WebhookReceiver.Received::body).filter(b -> b.contains("\"SMS\""))
                .findFirst().orElseThrow();
        goldenText("webhook-authenticator-created", sms);
    }

    @Test
    @Order(4)
    void getUserAndAuthenticators() {
        golden("user", api.get("/v1/users/" + USER));
        golden("authenticators", api.get("/v1/users/" + USER + "/authenticators"));
        golden("query-users", api.get("/v1/users?email=" + EMAIL));
    }

    @Test
    @Order(5)
    void trackGetActionAndValidate() {
        ApiResponse tracked = api.post("/v1/users/" + USER + "/actions/signIn", Map.of("idempotencyKey", ACTION_KEY,
                "ipAddress", "203.0.113.7", "userAgent", "GoldenTest/1.0", "deviceId", "golden-device"));
        golden("track", tracked);
        token = tracked.json().path("token").asString();
        golden("get-action", api.get("/v1/users/" + USER + "/actions/signIn/" + ACTION_KEY));
        golden("validate-pending", api.post("/v1/validate", Map.of("token", token)));
    }

    @Test
    @Order(6)
    void challengeAndVerify() {
        ApiResponse started = api.post("/v1/challenge", Map.of("verificationMethod", "EMAIL_OTP", "action", "signIn",
                "idempotencyKey", ACTION_KEY, "userId", USER, "email", EMAIL));
        golden("challenge", started);
        challengeId = started.json().path("challengeId").asString();
        String code = ChallengeHarness.codeIn(h.lastMailTo(EMAIL));
        golden("verify-wrong", api.post("/v1/verify", Map.of("challengeId", challengeId,
                "verificationCode", ChallengeHarness.wrong(code))));
        golden("verify", api.post("/v1/verify", Map.of("challengeId", challengeId, "verificationCode", code)));
        golden("validate-succeeded", api.post("/v1/validate", Map.of("token", token)));
    }

    @Test
    @Order(7)
    void sessions() {
        ApiResponse client = api.post("/admin/v1/clients", Map.of("name", "Golden web"));
        golden("app-client-create", client);
        String clientId = client.json().path("clientId").asString();
        ApiResponse session = api.post("/v1/sessions", Map.of("clientId", clientId, "token", token));
        golden("session-create", session);
        golden("session-validate", api.post("/v1/sessions/validate",
                Map.of("accessToken", session.json().path("accessToken").asString())));
        refreshToken = session.json().path("refreshToken").asString();
    }

    @Test
    @Order(8)
    void errorBodies() {
        golden("error-unauthorized", api.withKey("sk_wrong_key_0000000000000000").get("/v1/users/" + USER));
        golden("error-invalid-request", api.post("/v1/users/" + USER + "/actions/not%20a%20code", Map.of()));
        golden("error-not-found", api.get("/v1/users/" + USER + "/actions/signIn/no-such-key"));
    }

    @Test
    @Order(9)
    void sessionRefreshAndRevoke() {
        ApiResponse refreshed = api.post("/v1/sessions/refresh", Map.of("refreshToken", refreshToken));
        golden("session-refresh", refreshed);
        golden("session-revoke", api.post("/v1/sessions/revoke",
                Map.of("accessToken", refreshed.json().path("accessToken").asString())));
    }

    @Test
    @Order(10)
    void rules() {
        ApiResponse rule = api.post("/admin/v1/rules", Map.of("name", "block bots", "actionCode", "signIn",
                "outcome", "BLOCK", "condition", Map.of("==", List.of(Map.of("var", "ip.isAnonymous"), true))));
        golden("rule-create", rule);
        golden("rules", api.get("/admin/v1/rules"));
        golden("rule-dry-run", api.post("/admin/v1/rules/dry-run", Map.of("actionCode", "signIn",
                "input", Map.of("ip", Map.of("isAnonymous", true)))));
        golden("action-configuration", api.patch("/admin/v1/action-configurations/signIn",
                Map.of("defaultOutcome", "CHALLENGE")));
        golden("rule-delete", api.delete("/admin/v1/rules/" + rule.json().path("ruleId").asString()));
    }

    @Test
    @Order(11)
    void tenantAdmin() {
        golden("settings", api.get("/admin/v1/settings"));
        golden("keys", api.get("/admin/v1/keys"));
        golden("branding", api.get("/admin/v1/branding"));
        golden("webhooks", api.get("/admin/v1/webhooks"));
    }

    @Test
    @Order(12)
    void clientApi() {
        String clientToken = api.post("/v1/users/" + USER + "/actions/signIn",
                Map.of("idempotencyKey", "golden-action-2")).json().path("token").asString();
        ClientApi client = ClientApi.bearer(api.baseUrl(), clientToken);
        golden("client-authenticators", client.get("/user-authenticators"));
        golden("client-challenge-email-otp", client.post("/challenge/email-otp", null));
        String code = ChallengeHarness.codeIn(h.lastMailTo(EMAIL));
        golden("client-verify-email-otp", client.post("/verify/email-otp",
                Map.of("verificationCode", code)));
        String addPasskey = api.post("/v1/users/" + USER + "/actions/addPasskey", Map.of("idempotencyKey",
                "golden-action-3", "scope", "add:authenticators")).json().path("token").asString();
        golden("passkey-registration-options", ClientApi.bearer(api.baseUrl(), addPasskey)
                .post("/user-authenticators/passkey/registration-options", Map.of("username", EMAIL)));
    }

    @Test
    @Order(13)
    void deletes() {
        String sms = api.get("/v1/users/" + USER + "/authenticators").json().findValues("userAuthenticatorId")
                .getFirst().asString();
        golden("authenticator-delete", api.delete("/v1/users/" + USER + "/authenticators/" + sms));
        golden("user-delete", api.delete("/v1/users/" + USER));
    }

    private void golden(String name, ApiResponse r) {
        goldenText(name, r.body());
    }

    private static void goldenText(String name, String body) {
        String normalised = normalise(body) + "\n";
        Path file = GOLDEN.resolve(name + ".json");
        try {
            if (UPDATE) {
                Files.createDirectories(GOLDEN);
                Files.writeString(file, normalised, StandardCharsets.UTF_8);
            }
            assertThat(file).as("golden file (regenerate with -Dsignet.updateGolden=true)").exists();
            assertThat(normalised).as(name).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String normalise(String body) {
        String s = JWT.matcher(body).replaceAll("<jwt>");
        s = UUID.matcher(s).replaceAll("<uuid>");
        s = REFRESH_TOKEN.matcher(s).replaceAll("$1<secret>\"");
        s = CEREMONY_CHALLENGE.matcher(s).replaceAll("$1<secret>\"");
        s = LOCAL_PORT.matcher(s).replaceAll("//127.0.0.1:<port>");
        return RECOVERY_CODES.matcher(s)
                .replaceAll(m -> m.group().replaceAll("\"[^\"]+\"(?=[,\\]])", "\"<secret>\""));
    }
}
