package io.signet.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.challenge.ChallengeHarness;
import io.signet.wire.Json;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.Rfc6238;
import io.signet.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * With DEBUG on and the access log on, a scripted flow through every kind of secret Signet
 * handles, in both log formats; then the captured log is searched for each secret. Also: the log is really at
 * DEBUG, JSON lines are ECS objects, and a request's lines carry the id its answer returned as X-Request-Id.
 */
class SecretsNeverLoggedIT {
    private static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static final String WRONG_KEY = "sk_wrong_key_0123456789abcdefXYZ";

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void no_secret_reaches_the_log_at_debug(String format) {
        List<String> secrets = new ArrayList<>();
        String enrollRequestId;
        LogCapture log = new LogCapture();
        try (log; ChallengeHarness h = new ChallengeHarness(Backend.SQLITE, tempDir, Map.of(
                "SIGNET_LOG_LEVEL", "DEBUG", "SIGNET_LOG_FORMAT", format, "SIGNET_ACCESS_LOG", "true"))) {
            Api api = h.api;
            secrets.add(TestServer.SECRET_KEY);
            secrets.add(basic(TestServer.SECRET_KEY));
            secrets.add(WRONG_KEY);
            assertThat(api.withKey(WRONG_KEY).get("/v1/users/someone").status()).isEqualTo(401);

            String user = ChallengeHarness.uid("logs");
            ApiResponse enrolled = ok(api.post("/v1/users/" + user + "/authenticators", Map.of(
                    "verificationMethod", "AUTHENTICATOR_APP",
                    "otpUri", "otpauth://totp/Acme:jane?secret=" + TOTP_SECRET + "&issuer=Acme")));
            enrollRequestId = enrolled.header("X-Request-Id");
            secrets.add(TOTP_SECRET);
            enrolled.json().path("recoveryCodes").forEach(c -> secrets.add(c.asString()));
            assertThat(secrets).hasSizeGreaterThan(4);

            // an email OTP, read from the mail server
            String email = ChallengeHarness.newEmail();
            String emailChallenge = challenge(api, Map.of("verificationMethod", "EMAIL_OTP", "action", "signIn",
                    "email", email));
            Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(h.lastMailTo(email));
            assertThat(code.find()).isTrue();
            secrets.add(code.group(1));
            assertThat(verify(api, emailChallenge, code.group(1))).isTrue();

            // an authenticator-app code and a recovery code
            String totp = Rfc6238.code(TOTP_SECRET, h.clock.instant(), 0);
            secrets.add(totp);
            assertThat(verify(api, challenge(api, Map.of("verificationMethod", "AUTHENTICATOR_APP",
                    "action", "signIn", "userId", user)), totp)).isTrue();
            String recovery = enrolled.json().path("recoveryCodes").get(0).asString();
            assertThat(verify(api, challenge(api, Map.of("verificationMethod", "RECOVERY_CODE",
                    "action", "signIn", "userId", user)), recovery)).isTrue();

            // action token, access and refresh tokens
            ok(api.patch("/admin/v1/action-configurations/login", Map.of("defaultOutcome", "ALLOW")));
            String actionToken = ok(api.post("/v1/users/" + user + "/actions/login", Map.of())).json()
                    .path("token").asString();
            secrets.add(actionToken);
            String clientId = ok(api.post("/admin/v1/clients", Map.of("name", "web"))).json().path("clientId")
                    .asString();
            JsonNode session = ok(api.post("/v1/sessions", Map.of("clientId", clientId, "token", actionToken))).json();
            secrets.add(session.path("accessToken").asString());
            secrets.add(session.path("refreshToken").asString());
            JsonNode refreshed = ok(api.post("/v1/sessions/refresh", Map.of("refreshToken",
                    session.path("refreshToken").asString()))).json();
            secrets.add(refreshed.path("refreshToken").asString());
            ok(api.post("/v1/sessions/validate", Map.of("accessToken", refreshed.path("accessToken").asString())));
            secrets.add(refreshed.path("accessToken").asString());
        }

        String text = log.text();
        assertThat(text).contains("DEBUG").contains("/v1/sessions/refresh");
        for (String secret : secrets) {
            assertThat(Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(secret) + "(?![A-Za-z0-9])")
                    .matcher(text).find()).as("a secret (%s...) is in the %s log", secret.substring(0, 3), format)
                    .isFalse();
        }
        List<String> enrollLines = text.lines().filter(l -> l.contains("enrolled authenticator")).toList();
        assertThat(enrollLines).hasSize(1);
        assertThat(enrollLines.getFirst()).contains(enrollRequestId);
        if (format.equals("json")) {
            text.lines().forEach(line -> {
                JsonNode j = Json.MAPPER.readTree(line);
                assertThat(j.has("@timestamp") && j.has("log.level") && j.has("message")).as(line).isTrue();
            });
            assertThat(Json.MAPPER.readTree(enrollLines.getFirst()).path(Logging.REQUEST_ID).asString())
                    .isEqualTo(enrollRequestId);
        }
    }

    private static String basic(String key) {
        return Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    private static ApiResponse ok(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    private static String challenge(Api api, Map<String, ?> body) {
        return ok(api.post("/v1/challenge", body)).json().path("challengeId").asString();
    }

    private static boolean verify(Api api, String challengeId, String code) {
        return ok(api.post("/v1/verify", Map.of("challengeId", challengeId, "verificationCode", code))).json()
                .path("isVerified").asBoolean();
    }
}
