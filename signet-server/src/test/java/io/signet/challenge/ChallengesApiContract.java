package io.signet.challenge;

import static io.signet.challenge.ChallengeHarness.codeIn;
import static io.signet.challenge.ChallengeHarness.newEmail;
import static io.signet.challenge.ChallengeHarness.uid;
import static io.signet.challenge.ChallengeHarness.wrong;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Challenge and verify through the real HTTP port, real SMTP and a local carrier; once per backend. */
abstract class ChallengesApiContract extends ChallengeSuite {
    @Override
    Map<String, String> settings() {
        return Map.of("SIGNET_SEND_LIMIT_PER_USER", "3", "SIGNET_SEND_LIMIT_PER_IP", "4");
    }

    @Test
    void an_email_code_arrives_by_SMTP_and_verifies_once() {
        String email = newEmail();
        JsonNode c = h.challenge(Map.of("verificationMethod", "EMAIL_OTP", "action", "signIn", "email", email)).json();
        assertThat(c.path("challengeId").asString()).isNotBlank();
        assertThat(c.path("idempotencyKey").asString()).isNotBlank();
        assertThat(c.path("expiresAt").isIntegralNumber()).isTrue();
        assertThat(c.path("expiresAt").asLong()).isBetween(h.clock.millis() / 1000 + 590, h.clock.millis() / 1000 + 600);

        String code = codeIn(h.lastMailTo(email));
        JsonNode ok = h.verify(c.path("challengeId").asString(), code).json();
        assertThat(ok.path("isVerified").asBoolean()).isTrue();
        assertThat(ok.path("email").asString()).isEqualTo(email);
        assertThat(ok.path("verificationMethod").asString()).isEqualTo("EMAIL_OTP");
        assertThat(ok.has("failureReason")).isFalse();

        JsonNode again = h.verify(c.path("challengeId").asString(), code).json();
        assertThat(again.path("isVerified").asBoolean()).isFalse();
        assertThat(again.path("failureReason").asString()).isEqualTo("CODE_INVALID_OR_EXPIRED");
        assertThat(again.has("email")).isFalse();
    }

    @Test
    void a_wrong_code_is_200_not_verified_and_five_wrong_codes_lock_the_challenge() {
        String email = newEmail();
        String id = h.start("EMAIL_OTP", "email", email);
        String code = codeIn(h.lastMailTo(email));
        for (int i = 1; i <= 4; i++) {
            ApiResponse r = h.verify(id, wrong(code));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("failureReason").asString()).isEqualTo("CODE_INVALID_OR_EXPIRED");
        }
        assertThat(h.verify(id, wrong(code)).json().path("failureReason").asString()).isEqualTo("MAX_ATTEMPTS_EXCEEDED");
        JsonNode locked = h.verify(id, code).json();
        assertThat(locked.path("isVerified").asBoolean()).isFalse();
        assertThat(locked.path("failureReason").asString()).isEqualTo("MAX_ATTEMPTS_EXCEEDED");
        assertThat(h.attempts(id)).isEqualTo(Verification.MAX_ATTEMPTS);
    }

    @Test
    void fifty_parallel_wrong_guesses_count_exactly_the_limit_and_then_the_right_code_fails() throws Exception {
        String email = newEmail();
        String id = h.start("EMAIL_OTP", "email", email);
        String code = codeIn(h.lastMailTo(email));
        List<Callable<ApiResponse>> guesses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            guesses.add(() -> h.verify(id, wrong(code)));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(25)) {
            for (Future<ApiResponse> f : pool.invokeAll(guesses)) {
                assertThat(f.get().json().path("isVerified").asBoolean()).isFalse();
            }
        }
        assertThat(h.attempts(id)).isEqualTo(Verification.MAX_ATTEMPTS);
        assertThat(h.verify(id, code).json().path("failureReason").asString()).isEqualTo("MAX_ATTEMPTS_EXCEEDED");
        assertThat(h.attempts(id)).isEqualTo(Verification.MAX_ATTEMPTS);
    }

    @Test
    void a_code_expires_after_ten_minutes() {
        String email = newEmail();
        String id = h.start("EMAIL_OTP", "email", email);
        String code = codeIn(h.lastMailTo(email));
        h.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        JsonNode r = h.verify(id, code).json();
        assertThat(r.path("isVerified").asBoolean()).isFalse();
        assertThat(r.path("failureReason").asString()).isEqualTo("CODE_INVALID_OR_EXPIRED");
    }

    @Test
    void an_SMS_code_goes_to_the_carrier_and_verify_returns_the_phone_number() {
        String phone = ChallengeHarness.newPhone();
        String id = h.start("SMS", "phoneNumber", phone);
        var sms = h.carrier.lastTo(phone);
        assertThat(sms.path()).isEqualTo("/2010-04-01/Accounts/" + ChallengeHarness.TWILIO_SID + "/Messages.json");
        assertThat(sms.form().get("From")).isEqualTo(ChallengeHarness.TWILIO_FROM);
        assertThat(sms.authorization()).startsWith("Basic ");
        JsonNode ok = h.verify(id, codeIn(sms.body())).json();
        assertThat(ok.path("isVerified").asBoolean()).isTrue();
        assertThat(ok.path("phoneNumber").asString()).isEqualTo(phone);
        assertThat(ok.path("verificationMethod").asString()).isEqualTo("SMS");
    }

    @Test
    void WhatsApp_codes_use_the_carriers_whatsapp_prefix() {
        String phone = ChallengeHarness.newPhone();
        String id = h.start("WHATSAPP", "phoneNumber", phone);
        var sms = h.carrier.lastTo("whatsapp:" + phone);
        assertThat(sms.form().get("From")).isEqualTo("whatsapp:" + ChallengeHarness.TWILIO_FROM);
        assertThat(h.verify(id, codeIn(sms.body())).json().path("verificationMethod").asString()).isEqualTo("WHATSAPP");

        h.challenge(Map.of("verificationMethod", "SMS", "smsChannel", "WHATSAPP", "action", "signIn",
                "phoneNumber", phone));
        assertThat(h.carrier.received().stream().filter(s -> s.to().equals("whatsapp:" + phone)).count()).isEqualTo(2);
    }

    @Test
    void Go_style_empty_strings_are_absent_fields_and_a_resend_keeps_the_challenge_with_a_new_code() {
        String email = newEmail();
        JsonNode first = h.api.post("/v1/challenge", """
                {"verificationMethod":"EMAIL_OTP","action":"signIn","email":"%s","phoneNumber":"","userId":"",
                 "idempotencyKey":"","smsChannel":"","locale":"","challengeId":""}""".formatted(email)).json();
        String id = first.path("challengeId").asString();
        String oldCode = codeIn(h.lastMailTo(email));

        JsonNode resent = h.api.post("/v1/challenge", Map.of("challengeId", id, "verificationMethod", "")).json();
        assertThat(resent.path("challengeId").asString()).isEqualTo(id);
        assertThat(resent.path("idempotencyKey").asString()).isEqualTo(first.path("idempotencyKey").asString());
        assertThat(h.mailsTo(email)).isEqualTo(2);
        String newCode = codeIn(h.lastMailTo(email));
        if (!newCode.equals(oldCode)) {
            assertThat(h.verify(id, oldCode).json().path("isVerified").asBoolean()).isFalse();
        }
        assertThat(h.verify(id, newCode).json().path("isVerified").asBoolean()).isTrue();
    }

    @Test
    void getChallenge_answers_in_every_SDK_wire_form() {
        String user = uid("gc");
        String phone = ChallengeHarness.newPhone();
        String id = h.challenge(Map.of("verificationMethod", "SMS", "action", "signIn", "phoneNumber", phone,
                "userId", user)).json().path("challengeId").asString();
        String query = "challengeId=" + id + "&userId=" + user + "&action=signIn&verificationMethod=SMS";
        List<ApiResponse> forms = List.of(
                h.api.get("/v1/challenges?" + query),                                          // Node
                h.api.post("/v1/challenges?" + query, Map.of("challengeId", id, "userId", user)), // .NET
                h.api.post("/v1/challenges" + query, Map.of("challengeId", id)),              // Java
                h.api.post("/v1/challengesuserId=" + user + "&action=signIn", null),          // Java, no body
                h.api.get("/v1/v1/challenges?" + query));                                     // Go
        for (ApiResponse r : forms) {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            JsonNode j = r.json();
            assertThat(j.path("challengeId").asString()).as(r.toString()).isEqualTo(id);
            assertThat(j.path("verificationMethod").asString()).isEqualTo("SMS");
            assertThat(j.path("phoneNumber").asString()).isEqualTo(phone);
            assertThat(j.path("action").asString()).isEqualTo("signIn");
            assertThat(j.path("expiresAt").isIntegralNumber()).isTrue();
        }
        assertThat(h.api.get("/v1/users/" + user + "/challenge?action=signIn").json().path("challengeId").asString())
                .isEqualTo(id);
        assertThat(h.api.get("/v1/challenges?userId=" + uid("nobody")).body()).isEqualTo("{}");
        assertThat(h.api.get("/v1/challenges?verificationMethod=CARRIER_PIGEON").status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"action\":\"signIn\",\"email\":\"a@example.com\"}",
            "{\"verificationMethod\":\"PASSKEY\",\"action\":\"signIn\",\"email\":\"a@example.com\"}",
            "{\"verificationMethod\":\"EMAIL_OTP\",\"email\":\"a@example.com\"}",
            "{\"verificationMethod\":\"EMAIL_OTP\",\"action\":\"sign in\",\"email\":\"a@example.com\"}",
            "{\"verificationMethod\":\"EMAIL_OTP\",\"action\":\"signIn\"}",
            "{\"verificationMethod\":\"EMAIL_OTP\",\"action\":\"signIn\",\"email\":\"not-an-address\"}",
            "{\"verificationMethod\":\"SMS\",\"action\":\"signIn\",\"phoneNumber\":\"021 555\"}",
            "{\"verificationMethod\":\"SMS\",\"action\":\"signIn\",\"phoneNumber\":\"+64211234567\",\"smsChannel\":\"PIGEON\"}",
            "{\"verificationMethod\":\"EMAIL_OTP\",\"action\":\"signIn\",\"email\":\"a@example.com\",\"ipAddress\":\"x\"}",
            "{\"verificationMethod\":\"EMAIL_OTP\",\"action\":\"signIn\",\"email\":\"a@example.com\",\"locale\":\"?\"}",
            "{\"verificationMethod\":\"AUTHENTICATOR_APP\",\"action\":\"signIn\"}",
            "{\"verificationMethod\":5,\"action\":\"signIn\"}",
            "{\"verificationMethod\":\"EMAIL_OTP\",\"action\":\"signIn\",\"email\":\"a@example.com\",\"userId\":\"\\u0001\"}",
    })
    void bad_challenge_input_is_400_naming_the_field_and_writes_nothing(String body) {
        long before = h.challengeRows();
        ApiResponse r = h.api.post("/v1/challenge", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("invalid_request");
        assertThat(r.errorDescription()).containsAnyOf("verificationMethod", "action", "email", "phoneNumber",
                "smsChannel", "ipAddress", "locale", "userId");
        assertThat(h.challengeRows()).isEqualTo(before);
    }

    @Test
    void verify_of_an_unknown_challenge_is_404_and_a_missing_code_is_400() {
        assertThat(h.verify(uid("nope"), "123456").status()).isEqualTo(404);
        String email = newEmail();
        String id = h.start("EMAIL_OTP", "email", email);
        ApiResponse r = h.api.post("/v1/verify", Map.of("challengeId", id));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorDescription()).contains("verificationCode");
        assertThat(h.server.newTenant("other-" + id).post("/v1/verify",
                Map.of("challengeId", id, "verificationCode", "123456")).status()).isEqualTo(404);
    }

    @Test
    void sending_is_limited_per_user_and_per_ip_with_429_and_Retry_After() {
        String user = uid("limited");
        Map<String, String> body = Map.of("verificationMethod", "EMAIL_OTP", "action", "signIn", "userId", user,
                "email", newEmail());
        for (int i = 0; i < 3; i++) {
            h.challenge(body);
        }
        ApiResponse limited = h.api.post("/v1/challenge", body);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.errorCode()).isEqualTo("too_many_requests");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 600L);

        String ip = "203.0.113." + (int) (Math.random() * 250);
        for (int i = 0; i < 4; i++) {
            h.challenge(Map.of("verificationMethod", "EMAIL_OTP", "action", "signIn", "email", newEmail(),
                    "ipAddress", ip));
        }
        ApiResponse byIp = h.api.post("/v1/challenge", Map.of("verificationMethod", "EMAIL_OTP", "action", "signIn",
                "email", newEmail(), "ipAddress", ip));
        assertThat(byIp.status()).isEqualTo(429);
        assertThat(byIp.header("Retry-After")).isNotNull();

        h.clock.advance(Duration.ofSeconds(Long.parseLong(limited.header("Retry-After"))));
        assertThat(h.api.post("/v1/challenge", body).status()).isEqualTo(200);
    }

    @Test
    void a_carrier_failure_is_503_and_leaves_no_challenge_behind() {
        long before = h.challengeRows();
        h.carrier.answer(500);
        try {
            ApiResponse r = h.api.post("/v1/challenge", Map.of("verificationMethod", "SMS", "action", "signIn",
                    "phoneNumber", "+64211234567", "userId", uid("outage")));
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.errorDescription()).doesNotContain("twilio-token");
        } finally {
            h.carrier.answer(201);
        }
        assertThat(h.challengeRows()).isEqualTo(before);
    }

    @Test
    void deleteUser_removes_the_users_challenges_and_a_claimed_challenge_cannot_change_hands() {
        String user = uid("deleted");
        String id = h.challenge(Map.of("verificationMethod", "SMS", "action", "signIn", "userId", user,
                "phoneNumber", ChallengeHarness.newPhone())).json().path("challengeId").asString();
        assertThat(h.api.post("/v1/claim", Map.of("challengeId", id, "userId", uid("thief"),
                "skipVerificationCheck", true)).status()).isEqualTo(409);
        assertThat(h.api.post("/v1/claim", Map.of("challengeId", id, "userId", user)).errorDescription())
                .contains("verify");
        h.api.delete("/v1/users/" + user);
        assertThat(h.verify(id, "123456").status()).isEqualTo(404);
    }
}
