package io.signet.clientapi;

import static io.signet.challenge.ChallengeHarness.codeIn;
import static io.signet.challenge.ChallengeHarness.newEmail;
import static io.signet.challenge.ChallengeHarness.uid;
import static io.signet.challenge.ChallengeHarness.wrong;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.ApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the Client API's challenge flows refuse: wrong codes past the attempt limit shared with the Server API,
 * sends past the per-user limit, an expired token, malformed bodies, and the methods Signet does not support.
 * Run once per storage backend by its subclasses.
 */
abstract class ClientFlowRefusalsContract extends ClientFlowsTestBase {
    @Test
    void wrong_codes_through_either_API_share_one_attempt_limit() {
        String user = uid("limit");
        String email = newEmail();
        String token = track(user, null);
        String challengeId = ok(as(token).post("/user-authenticators/email-otp", Map.of("email", email)))
                .path("challengeId").asString();
        assertThat(challengeId).isEmpty(); // the EnrollResponse of email OTP carries no challengeId
        String code = codeIn(h.lastMailTo(email));
        for (int i = 0; i < 3; i++) {
            assertThat(ok(as(token).post("/verify/email-otp", Map.of("verificationCode", wrong(code))))
                    .path("failureReason").asString()).isEqualTo("CODE_INVALID_OR_EXPIRED");
        }
        String id = ok(api.get("/v1/challenges?userId=" + user + "&verificationMethod=EMAIL_OTP"))
                .path("challengeId").asString();
        assertThat(h.attempts(id)).isEqualTo(3);
        api.post("/v1/verify", Map.of("challengeId", id, "verificationCode", wrong(code)));
        assertThat(ok(as(token).post("/verify/email-otp", Map.of("verificationCode", wrong(code))))
                .path("failureReason").asString()).isEqualTo("MAX_ATTEMPTS_EXCEEDED");
        JsonNode locked = ok(as(token).post("/verify/email-otp", Map.of("verificationCode", code)));
        assertThat(locked.path("isVerified").asBoolean()).isFalse();
        assertThat(locked.path("failureReason").asString()).isEqualTo("MAX_ATTEMPTS_EXCEEDED");
        assertThat(validate(token).path("state").asString()).isEqualTo("CHALLENGE_FAILED");
        assertThat(authenticators(user)).isEmpty();
    }

    @Test
    void sending_limits_apply_to_client_challenges() {
        String user = uid("sends");
        String email = newEmail();
        String token = track(user, null);
        ok(as(token).post("/user-authenticators/email-otp", Map.of("email", email)));
        for (int i = 1; i < SENDS_PER_USER; i++) {
            ok(as(token).post("/challenge/email-otp", null));
        }
        ApiResponse limited = as(token).from("http://localhost:3000").post("/challenge/email-otp", null);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(limited.errorCode()).isEqualTo("too_many_requests");
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(h.mailsTo(email)).isEqualTo(SENDS_PER_USER);
    }

    @Test
    void an_expired_token_is_expired_token_and_bodies_are_checked() {
        String user = uid("expiry");
        String token = track(user, null);
        ApiResponse malformed = as(token).post("/user-authenticators/email-otp", "{\"email\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("invalid_request");
        ApiResponse noEmail = as(token).post("/user-authenticators/email-otp", null);
        assertThat(noEmail.status()).isEqualTo(400);
        assertThat(noEmail.errorDescription()).contains("email");
        ApiResponse noCode = as(token).post("/verify/email-otp", Map.of());
        assertThat(noCode.status()).isEqualTo(400);
        assertThat(noCode.errorDescription()).contains("verificationCode");

        h.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        ApiResponse expired = as(token).post("/challenge/email-otp", null);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.errorCode()).isEqualTo("expired_token");
    }

    @Test
    void push_and_qr_code_are_a_clear_400() {
        String token = track(uid("push"), null);
        for (String path : List.of("/challenge/push", "/verify/push", "/challenge/qr-code", "/verify/qr-code")) {
            ApiResponse r = as(token).post(path, Map.of("action", "signIn"));
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("invalid_request");
            assertThat(r.errorDescription()).contains("not supported by Signet yet");
        }
    }
}
