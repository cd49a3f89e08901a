package io.signet.clientapi;

import static io.signet.challenge.ChallengeHarness.codeIn;
import static io.signet.challenge.ChallengeHarness.linkIn;
import static io.signet.challenge.ChallengeHarness.newEmail;
import static io.signet.challenge.ChallengeHarness.newPhone;
import static io.signet.challenge.ChallengeHarness.uid;
import static io.signet.challenge.ChallengeHarness.wrong;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.challenge.ChallengeHarness;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.ClientApi;
import io.signet.testing.Rfc6238;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The Client API's OTP, authenticator-app and magic-link flows end to end, as the browser SDK drives them:
 * a track token from the Server API, codes read from real SMTP (GreenMail) and a local SMS carrier, and the
 * outcome checked back through the Server API (validate, getAuthenticators, getUser, webhooks).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientFlowsContract {
    static final int SENDS_PER_USER = 6;
    /** Configured to need a challenge, as a backend using the Client API for step-up would. */
    static final String ACTION = "clientStepUp";
    @TempDir
    static Path tempDir;
    ChallengeHarness h;
    Api api;

    abstract Backend backend();

    @BeforeAll
    void start() {
        h = new ChallengeHarness(backend(), tempDir, Map.of("SIGNET_SEND_LIMIT_PER_USER",
                Integer.toString(SENDS_PER_USER)));
        api = h.api;
        assertThat(api.patch("/admin/v1/action-configurations/" + ACTION, Map.of("defaultOutcome", "CHALLENGE"))
                .status()).isEqualTo(200);
        // An endpoint, so that authenticator events are recorded (it is never reached).
        assertThat(api.post("/admin/v1/webhooks", Map.of("url", "https://hooks.example.com/in",
                "eventTypes", List.of("authenticator.created"))).status()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        h.close();
    }

    // ---- helpers ----

    private String track(String userId, String scope) {
        Map<String, Object> body = new HashMap<>();
        if (scope != null) {
            body.put("scope", scope);
        }
        ApiResponse r = api.post("/v1/users/" + userId + "/actions/" + ACTION, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("token").asString();
    }

    private ClientApi as(String token) {
        return ClientApi.bearer(h.server.baseUrl(), token);
    }

    /** A 200 whose body has no {@code error} key (the browser SDK would take it for an error). */
    private static JsonNode ok(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().has("error")).as(r.toString()).isFalse();
        return r.json();
    }

    private JsonNode validate(String token) {
        return ok(api.post("/v1/validate", Map.of("token", token)));
    }

    private JsonNode authenticators(String userId) {
        return ok(api.get("/v1/users/" + userId + "/authenticators"));
    }

    private long createdEvents(String userId) {
        return h.server.app().database().read(jdbc -> jdbc.count("""
                SELECT COUNT(*) AS n FROM webhook_events WHERE type = 'authenticator.created' AND user_id = ?""",
                userId));
    }

    /** Enrolls an email OTP authenticator through the Client API; returns the accessToken. */
    private String enrollEmail(String user, String email) {
        String token = track(user, null);
        ok(as(token).post("/user-authenticators/email-otp", Map.of("email", email)));
        return ok(as(token).post("/verify/email-otp", Map.of("verificationCode", codeIn(h.lastMailTo(email)))))
                .path("accessToken").asString();
    }

    // ---- tests ----

    @Test
    void email_otp_enrollment_is_hidden_until_the_first_right_code_then_settles_the_action() {
        String user = uid("email");
        String email = newEmail();
        String token = track(user, null);

        JsonNode enrolled = ok(as(token).post("/user-authenticators/email-otp", Map.of("email", email)));
        String authenticatorId = enrolled.path("userAuthenticatorId").asString();
        assertThat(authenticatorId).isNotBlank();
        assertThat(enrolled.path("userId").asString()).isEqualTo(user);
        assertThat(authenticators(user)).isEmpty();
        assertThat(ok(api.get("/v1/users/" + user)).path("isEnrolled").asBoolean()).isFalse();
        assertThat(validate(token).path("state").asString()).isEqualTo("CHALLENGE_REQUIRED");
        assertThat(ok(as(token).get("/user-authenticators"))).isEmpty();
        assertThat(createdEvents(user)).isZero();

        String code = codeIn(h.lastMailTo(email));
        JsonNode wrongCode = ok(as(token).post("/verify/email-otp", Map.of("verificationCode", wrong(code))));
        assertThat(wrongCode.path("isVerified").asBoolean()).isFalse();
        assertThat(wrongCode.path("failureReason").asString()).isEqualTo("CODE_INVALID_OR_EXPIRED");
        assertThat(wrongCode.has("accessToken")).isFalse();
        assertThat(authenticators(user)).isEmpty();

        JsonNode verified = ok(as(token).post("/verify/email-otp", Map.of("verificationCode", code)));
        assertThat(verified.path("isVerified").asBoolean()).isTrue();
        assertThat(verified.has("failureReason")).isFalse();
        String accessToken = verified.path("accessToken").asString();
        assertThat(accessToken).isNotBlank().isNotEqualTo(token);
        assertThat(verified.path("userAuthenticator").path("userAuthenticatorId").asString()).isEqualTo(authenticatorId);
        assertThat(verified.path("userAuthenticator").path("verificationMethod").asString()).isEqualTo("EMAIL_OTP");

        JsonNode list = authenticators(user);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("userAuthenticatorId").asString()).isEqualTo(authenticatorId);
        assertThat(list.get(0).path("email").asString()).isEqualTo(email);
        JsonNode u = ok(api.get("/v1/users/" + user));
        assertThat(u.path("isEnrolled").asBoolean()).isTrue();
        assertThat(u.path("email").asString()).isEqualTo(email);
        assertThat(u.path("emailVerified").asBoolean()).isTrue();
        assertThat(u.path("enrolledVerificationMethods").toString()).isEqualTo("[\"EMAIL_OTP\"]");
        assertThat(createdEvents(user)).isEqualTo(1);

        for (String t : List.of(accessToken, token)) { // the original token reports the same action
            JsonNode v = validate(t);
            assertThat(v.path("isValid").asBoolean()).isTrue();
            assertThat(v.path("state").asString()).isEqualTo("CHALLENGE_SUCCEEDED");
            assertThat(v.path("verificationMethod").asString()).isEqualTo("EMAIL_OTP");
            assertThat(v.path("userId").asString()).isEqualTo(user);
            assertThat(v.path("action").asString()).isEqualTo(ACTION);
        }
        // ... and opens a session like any successful-challenge token.
        String clientId = ok(api.post("/admin/v1/clients", Map.of("name", "web"))).path("clientId").asString();
        JsonNode session = ok(api.post("/v1/sessions", Map.of("clientId", clientId, "token", accessToken)));
        assertThat(session.path("accessToken").asString()).isNotBlank();
        // The accessToken is a Bearer for later calls of the same action.
        assertThat(ok(as(accessToken).get("/user-authenticators"))).hasSize(1);
        // The code was used: a replay is an invalid code, not an error.
        assertThat(ok(as(token).post("/verify/email-otp", Map.of("verificationCode", code)))
                .path("failureReason").asString()).isEqualTo("CODE_INVALID_OR_EXPIRED");
    }

    @Test
    void an_enrolled_user_signs_in_with_challenge_and_verify_and_no_enrollment_is_reported() {
        String user = uid("email");
        String email = newEmail();
        enrollEmail(user, email);
        String token = track(user, null);
        JsonNode challenge = ok(as(token).post("/challenge/email-otp", null)); // no body, JSON content type
        assertThat(challenge.path("challengeId").asString()).isNotBlank();
        JsonNode verified = ok(as(token).post("/verify/email-otp",
                Map.of("verificationCode", codeIn(h.lastMailTo(email)))));
        assertThat(verified.path("isVerified").asBoolean()).isTrue();
        assertThat(verified.has("userAuthenticator")).isFalse();
        assertThat(validate(verified.path("accessToken").asString()).path("state").asString())
                .isEqualTo("CHALLENGE_SUCCEEDED");
        assertThat(authenticators(user).get(0).path("lastVerifiedAt").asString()).isNotBlank();
        assertThat(createdEvents(user)).isEqualTo(1);
    }

    @Test
    void adding_an_authenticator_to_an_enrolled_user_needs_the_add_authenticators_scope() {
        String user = uid("scope");
        String accessToken = enrollEmail(user, newEmail());
        String phone = newPhone();

        ApiResponse refused = as(track(user, null)).post("/user-authenticators/sms", Map.of("phoneNumber", phone));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("forbidden");
        assertThat(refused.errorDescription()).contains("add:authenticators");
        assertThat(as(track(user, null)).post("/user-authenticators/totp", null).status()).isEqualTo(403);

        ok(as(track(user, "add:authenticators")).post("/user-authenticators/sms", Map.of("phoneNumber", phone)));
        ok(as(accessToken).post("/user-authenticators/sms", Map.of("phoneNumber", phone)));
        // A user with nothing verified may enroll with a plain token (the first factor).
        ok(as(track(uid("first"), null)).post("/user-authenticators/totp", null));
    }

    @Test
    void sms_enrollment_and_whatsapp_sign_in_record_their_methods() {
        String user = uid("sms");
        String phone = newPhone();
        String token = track(user, null);
        ok(as(token).post("/user-authenticators/sms", Map.of("phoneNumber", phone)));
        JsonNode verified = ok(as(token).post("/verify/sms",
                Map.of("verificationCode", codeIn(h.carrier.lastTo(phone).body()))));
        assertThat(verified.path("userAuthenticator").path("verificationMethod").asString()).isEqualTo("SMS");
        assertThat(validate(verified.path("accessToken").asString()).path("verificationMethod").asString())
                .isEqualTo("SMS");
        JsonNode u = ok(api.get("/v1/users/" + user));
        assertThat(u.path("phoneNumber").asString()).isEqualTo(phone);
        assertThat(u.path("phoneNumberVerified").asBoolean()).isTrue();

        String next = track(user, null);
        ok(as(next).post("/challenge/whatsapp", null));
        JsonNode wa = ok(as(next).post("/verify/whatsapp",
                Map.of("verificationCode", codeIn(h.carrier.lastTo("whatsapp:" + phone).body()))));
        assertThat(wa.path("isVerified").asBoolean()).isTrue();
        JsonNode v = validate(wa.path("accessToken").asString());
        assertThat(v.path("state").asString()).isEqualTo("CHALLENGE_SUCCEEDED");
        assertThat(v.path("verificationMethod").asString()).isEqualTo("WHATSAPP");

        ApiResponse bad = as(track(uid("sms"), null)).post("/user-authenticators/sms", Map.of("phoneNumber", "021 555"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("invalid_request");
    }

    @Test
    void authenticator_app_enrollment_verifies_a_fresh_code_and_refuses_a_stale_one() {
        String user = uid("totp");
        String token = track(user, null);
        JsonNode enrolled = ok(as(token).post("/user-authenticators/totp", null));
        assertThat(enrolled.path("uri").asString()).startsWith("otpauth://totp/");
        String secret = enrolled.path("secret").asString();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(enrolled.path("uri").asString()).contains("secret=" + secret);
        assertThat(enrolled.path("userId").asString()).isEqualTo(user);
        assertThat(authenticators(user)).isEmpty();

        JsonNode stale = ok(as(token).post("/verify/totp",
                Map.of("verificationCode", Rfc6238.code(secret, h.clock.instant(), -2))));
        assertThat(stale.path("isVerified").asBoolean()).isFalse();
        assertThat(stale.path("failureReason").asString()).isEqualTo("CODE_INVALID_OR_EXPIRED");

        JsonNode verified = ok(as(token).post("/verify/totp",
                Map.of("verificationCode", Rfc6238.code(secret, h.clock.instant(), 0))));
        assertThat(verified.path("isVerified").asBoolean()).isTrue();
        assertThat(verified.path("userAuthenticator").path("userAuthenticatorId").asString())
                .isEqualTo(enrolled.path("userAuthenticatorId").asString());
        assertThat(authenticators(user).get(0).path("verificationMethod").asString()).isEqualTo("AUTHENTICATOR_APP");
        assertThat(validate(verified.path("accessToken").asString()).path("verificationMethod").asString())
                .isEqualTo("AUTHENTICATOR_APP");
        assertThat(createdEvents(user)).isEqualTo(1);
    }

    @Test
    void a_new_authenticator_app_enrollment_replaces_the_pending_one() {
        String user = uid("totp");
        String token = track(user, null);
        String pendingId = ok(as(token).post("/user-authenticators/email-otp", Map.of("email", newEmail())))
                .path("userAuthenticatorId").asString();
        String first = ok(as(token).post("/user-authenticators/totp", null)).path("secret").asString();
        String second = ok(as(token).post("/user-authenticators/totp", null)).path("secret").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(ok(as(token).post("/verify/totp", Map.of("verificationCode",
                Rfc6238.code(first, h.clock.instant(), 0)))).path("isVerified").asBoolean()).isFalse();
        assertThat(ok(as(token).post("/verify/totp", Map.of("verificationCode",
                Rfc6238.code(second, h.clock.instant(), 0)))).path("isVerified").asBoolean()).isTrue();
        assertThat(authenticators(user)).hasSize(1);
        // Deleting the still-pending email authenticator is not deleting the user's last authenticator.
        api.patch("/admin/v1/settings", Map.of("protectLastAuthenticator", true));
        try {
            ok(api.delete("/v1/users/" + user + "/authenticators/" + pendingId));
        } finally {
            api.patch("/admin/v1/settings", Map.of("protectLastAuthenticator", false));
        }
        assertThat(authenticators(user)).hasSize(1);
    }

    @Test
    void enrolling_a_pending_factor_through_the_server_API_verifies_it() {
        String user = uid("both");
        String email = newEmail();
        ok(as(track(user, null)).post("/user-authenticators/email-otp", Map.of("email", email)));
        JsonNode enrolled = ok(api.post("/v1/users/" + user + "/authenticators",
                Map.of("verificationMethod", "EMAIL_OTP", "email", email)));
        assertThat(authenticators(user)).hasSize(1);
        assertThat(authenticators(user).get(0).path("userAuthenticatorId").asString())
                .isEqualTo(enrolled.path("authenticator").path("userAuthenticatorId").asString());
        assertThat(createdEvents(user)).isEqualTo(1);
    }

    @Test
    void a_magic_link_finalizes_false_until_opened_then_true_once() {
        String user = uid("link");
        String email = newEmail();
        String token = track(user, null);
        JsonNode enrolled = ok(as(token).post("/user-authenticators/email-magic-link", Map.of("email", email)));
        assertThat(enrolled.path("challengeId").asString()).isNotBlank();
        assertThat(ok(as(token).post("/verify/email-magic-link/finalize", Map.of())).toString())
                .isEqualTo("{\"isVerified\":false}");

        String link = linkIn(h.lastMailTo(email));
        ApiResponse page = ChallengeHarness.clickLink(link);
        assertThat(page.status()).isEqualTo(200);

        JsonNode done = ok(as(token).post("/verify/email-magic-link/finalize", Map.of()));
        assertThat(done.path("isVerified").asBoolean()).isTrue();
        JsonNode v = validate(done.path("accessToken").asString());
        assertThat(v.path("state").asString()).isEqualTo("CHALLENGE_SUCCEEDED");
        assertThat(v.path("verificationMethod").asString()).isEqualTo("EMAIL_MAGIC_LINK");
        assertThat(ok(as(token).post("/verify/email-magic-link/finalize", Map.of())).path("isVerified").asBoolean())
                .isFalse();
        assertThat(authenticators(user).get(0).path("verificationMethod").asString()).isEqualTo("EMAIL_MAGIC_LINK");

        // Signing in later: challenge, open, finalize.
        String next = track(user, null);
        ok(as(next).post("/challenge/email-magic-link", null));
        String second = linkIn(h.lastMailTo(email));
        assertThat(ChallengeHarness.clickLink(second).status()).isEqualTo(200);
        assertThat(ok(as(next).post("/verify/email-magic-link/finalize", Map.of())).path("isVerified").asBoolean())
                .isTrue();
    }

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
