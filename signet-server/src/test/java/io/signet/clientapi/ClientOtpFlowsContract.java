package io.signet.clientapi;

import static io.signet.challenge.ChallengeHarness.codeIn;
import static io.signet.challenge.ChallengeHarness.newEmail;
import static io.signet.challenge.ChallengeHarness.newPhone;
import static io.signet.challenge.ChallengeHarness.uid;
import static io.signet.challenge.ChallengeHarness.wrong;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.ApiResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Client API's one-time-code flows (email, SMS, WhatsApp): enrollment stays hidden until the first right
 * code, an enrolled user's sign-in, the scope a second authenticator needs, and a pending factor enrolled through
 * the Server API. Run once per storage backend by its subclasses.
 */
abstract class ClientOtpFlowsContract extends ClientFlowsTestBase {
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
}
