package io.signet.challenge;

import static io.signet.challenge.ChallengeHarness.uid;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Authenticator-app and recovery-code challenges against authenticators enrolled through the API. */
abstract class FactorChallengesContract extends ChallengeSuite {
    /** RFC 6238's SHA-1 seed "12345678901234567890" in base32, as an authenticator app would hold it. */
    static final String SECRET_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    static final Totp.Params PARAMS = new Totp.Params(
            "12345678901234567890".getBytes(StandardCharsets.US_ASCII), "SHA1", 6, 30);


    private JsonNode enroll(String userId, Map<String, Object> body) {
        ApiResponse r = h.api.post("/v1/users/" + userId + "/authenticators", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private String enrollApp(String userId) {
        return enroll(userId, Map.of("verificationMethod", "AUTHENTICATOR_APP", "otpUri",
                "otpauth://totp/Acme:jane?secret=" + SECRET_BASE32 + "&issuer=Acme"))
                .path("authenticator").path("userAuthenticatorId").asString();
    }

    private String challenge(String userId, String method) {
        return h.challenge(Map.of("verificationMethod", method, "action", "signIn", "userId", userId))
                .json().path("challengeId").asString();
    }

    private String codeNow(long stepOffset) {
        return Totp.code(PARAMS, Totp.step(PARAMS, h.clock.instant()) + stepOffset);
    }

    @Test
    void a_code_computed_from_the_enrolled_secret_verifies_and_stamps_lastVerifiedAt() {
        String user = uid("totp");
        String authenticatorId = enrollApp(user);
        JsonNode ok = h.verify(challenge(user, "AUTHENTICATOR_APP"), codeNow(0)).json();
        assertThat(ok.path("isVerified").asBoolean()).isTrue();
        assertThat(ok.path("verificationMethod").asString()).isEqualTo("AUTHENTICATOR_APP");

        JsonNode listed = h.api.get("/v1/users/" + user + "/authenticators").json().get(0);
        assertThat(listed.path("userAuthenticatorId").asString()).isEqualTo(authenticatorId);
        assertThat(listed.path("lastVerifiedAt").asString())
                .isEqualTo(io.signet.wire.WireTime.iso(h.clock.millis()));
    }

    @Test
    void the_same_time_step_never_verifies_twice_but_the_next_one_does() {
        String user = uid("replay");
        enrollApp(user);
        String code = codeNow(0);
        assertThat(h.verify(challenge(user, "AUTHENTICATOR_APP"), code).json().path("isVerified").asBoolean()).isTrue();
        JsonNode replay = h.verify(challenge(user, "AUTHENTICATOR_APP"), code).json();
        assertThat(replay.path("isVerified").asBoolean()).isFalse();
        assertThat(replay.path("failureReason").asString()).isEqualTo("CODE_INVALID_OR_EXPIRED");

        h.clock.advance(Duration.ofSeconds(30));
        assertThat(h.verify(challenge(user, "AUTHENTICATOR_APP"), codeNow(0)).json().path("isVerified").asBoolean())
                .isTrue();
    }

    @Test
    void one_step_of_clock_skew_is_accepted_and_two_are_not() {
        String user = uid("skew");
        enrollApp(user);
        assertThat(h.verify(challenge(user, "AUTHENTICATOR_APP"), codeNow(-2)).json().path("isVerified").asBoolean())
                .isFalse();
        assertThat(h.verify(challenge(user, "AUTHENTICATOR_APP"), codeNow(2)).json().path("isVerified").asBoolean())
                .isFalse();
        assertThat(h.verify(challenge(user, "AUTHENTICATOR_APP"), codeNow(1)).json().path("isVerified").asBoolean())
                .isTrue();
        assertThat(h.verify(challenge(user, "AUTHENTICATOR_APP"), codeNow(-1)).json().path("isVerified").asBoolean())
                .isTrue();
    }

    @Test
    void an_authenticator_app_challenge_needs_an_enrolled_app() {
        ApiResponse r = h.api.post("/v1/challenge", Map.of("verificationMethod", "AUTHENTICATOR_APP",
                "action", "signIn", "userId", uid("no-app")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorDescription()).contains("authenticator app");
    }

    @Test
    void each_recovery_code_verifies_once_and_the_response_says_how_many_remain() {
        String user = uid("recovery");
        JsonNode codes = enroll(user, Map.of("verificationMethod", "SMS", "phoneNumber", "+64271234567"))
                .path("recoveryCodes");
        assertThat(codes).hasSize(10);
        String code = codes.get(0).asString();

        JsonNode ok = h.verify(challenge(user, "RECOVERY_CODE"), code).json();
        assertThat(ok.path("isVerified").asBoolean()).isTrue();
        assertThat(ok.path("verificationMethod").asString()).isEqualTo("RECOVERY_CODE");
        assertThat(ok.path("recoveryCodesRemaining").asInt()).isEqualTo(9);

        JsonNode again = h.verify(challenge(user, "RECOVERY_CODE"), code).json();
        assertThat(again.path("isVerified").asBoolean()).isFalse();
        assertThat(again.has("recoveryCodesRemaining")).isFalse();
        assertThat(h.verify(challenge(user, "RECOVERY_CODE"), codes.get(1).asString()).json()
                .path("recoveryCodesRemaining").asInt()).isEqualTo(8);
    }

    @Test
    void an_email_code_stamps_lastVerifiedAt_on_the_email_authenticator_it_went_to() {
        String user = uid("email-auth");
        String email = ChallengeHarness.newEmail();
        enroll(user, Map.of("verificationMethod", "EMAIL_OTP", "email", email));
        String id = h.challenge(Map.of("verificationMethod", "EMAIL_OTP", "action", "signIn", "userId", user))
                .json().path("challengeId").asString();
        assertThat(h.verify(id, ChallengeHarness.codeIn(h.lastMailTo(email))).json().path("email").asString())
                .isEqualTo(email);
        assertThat(h.api.get("/v1/users/" + user + "/authenticators").json().get(0).has("lastVerifiedAt")).isTrue();
    }
}
