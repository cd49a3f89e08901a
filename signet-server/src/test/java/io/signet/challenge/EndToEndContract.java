package io.signet.challenge;

import static io.signet.challenge.ChallengeHarness.codeIn;
import static io.signet.challenge.ChallengeHarness.linkIn;
import static io.signet.challenge.ChallengeHarness.newEmail;
import static io.signet.challenge.ChallengeHarness.uid;
import static io.signet.challenge.ChallengeHarness.wrong;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole flow an integrator runs: enroll, track (CHALLENGE_REQUIRED), challenge with the action's
 * idempotencyKey, the code arrives by real SMTP or the local carrier, verify, and validateChallenge
 * with the track token reports the challenge's outcome.
 */
abstract class EndToEndContract extends ChallengeSuite {

    /** A tracked action of a user enrolled with {@code enrollment}: its token and idempotency key. */
    private record Tracked(String userId, String token, String idempotencyKey, JsonNode enrolled) {
    }

    private Tracked track(Map<String, Object> enrollment) {
        String user = uid("e2e");
        ApiResponse e = h.api.post("/v1/users/" + user + "/authenticators", enrollment);
        assertThat(e.status()).as(e.toString()).isEqualTo(200);
        JsonNode t = h.api.post("/v1/users/" + user + "/actions/signIn", Map.of()).json();
        assertThat(t.path("state").asString()).as(t.toString()).isEqualTo("CHALLENGE_REQUIRED");
        return new Tracked(user, t.path("token").asString(), t.path("idempotencyKey").asString(), e.json());
    }

    private String challenge(Tracked t, String method, Map<String, String> extra) {
        Map<String, String> body = new HashMap<>(Map.of("verificationMethod", method, "action", "signIn",
                "userId", t.userId(), "idempotencyKey", t.idempotencyKey()));
        body.putAll(extra);
        ApiResponse r = h.challenge(body);
        assertThat(r.json().path("idempotencyKey").asString()).isEqualTo(t.idempotencyKey());
        return r.json().path("challengeId").asString();
    }

    private JsonNode validate(Tracked t) {
        return h.api.post("/v1/validate", Map.of("token", t.token(), "userId", t.userId())).json();
    }

    private void assertSucceeded(Tracked t, String method) {
        JsonNode v = validate(t);
        assertThat(v.path("isValid").asBoolean()).as(v.toString()).isTrue();
        assertThat(v.path("state").asString()).isEqualTo("CHALLENGE_SUCCEEDED");
        assertThat(v.path("verificationMethod").asString()).isEqualTo(method);
        assertThat(v.path("idempotencyKey").asString()).isEqualTo(t.idempotencyKey());
    }

    @Test
    void email_OTP_from_track_to_a_valid_challenge() {
        String email = newEmail();
        Tracked t = track(Map.of("verificationMethod", "EMAIL_OTP", "email", email));
        String id = challenge(t, "EMAIL_OTP", Map.of());
        assertThat(validate(t).path("isValid").asBoolean()).isFalse();
        assertThat(h.verify(id, codeIn(h.lastMailTo(email))).json().path("isVerified").asBoolean()).isTrue();
        assertSucceeded(t, "EMAIL_OTP");
    }

    @Test
    void SMS_from_track_to_a_valid_challenge_through_the_carrier() {
        String phone = ChallengeHarness.newPhone();
        Tracked t = track(Map.of("verificationMethod", "SMS", "phoneNumber", phone));
        String id = challenge(t, "SMS", Map.of());
        assertThat(h.verify(id, codeIn(h.carrier.lastTo(phone).body())).json().path("isVerified").asBoolean()).isTrue();
        assertSucceeded(t, "SMS");
    }

    @Test
    void an_authenticator_app_code_from_the_enrolled_secret_makes_the_action_valid() {
        Tracked t = track(Map.of("verificationMethod", "AUTHENTICATOR_APP", "otpUri",
                "otpauth://totp/Acme:jane?secret=" + FactorChallengesContract.SECRET_BASE32 + "&issuer=Acme"));
        Totp.Params p = FactorChallengesContract.PARAMS;
        String id = challenge(t, "AUTHENTICATOR_APP", Map.of());
        assertThat(h.verify(id, Totp.code(p, Totp.step(p, h.clock.instant()))).json().path("isVerified").asBoolean())
                .isTrue();
        assertSucceeded(t, "AUTHENTICATOR_APP");
    }

    @Test
    void a_recovery_code_makes_the_action_valid() {
        Tracked t = track(Map.of("verificationMethod", "SMS", "phoneNumber", ChallengeHarness.newPhone()));
        String code = t.enrolled().path("recoveryCodes").get(0).asString();
        assertThat(h.verify(challenge(t, "RECOVERY_CODE", Map.of()), code).json().path("isVerified").asBoolean())
                .isTrue();
        assertSucceeded(t, "RECOVERY_CODE");
    }

    @Test
    void an_opened_magic_link_makes_the_action_valid() {
        String email = newEmail();
        Tracked t = track(Map.of("verificationMethod", "EMAIL_MAGIC_LINK", "email", email));
        challenge(t, "EMAIL_MAGIC_LINK", Map.of());
        assertThat(ChallengeHarness.clickLink(linkIn(h.lastMailTo(email))).status()).isEqualTo(200);
        assertSucceeded(t, "EMAIL_MAGIC_LINK");
    }

    @Test
    void five_wrong_codes_fail_the_action() {
        String email = newEmail();
        Tracked t = track(Map.of("verificationMethod", "EMAIL_OTP", "email", email));
        String id = challenge(t, "EMAIL_OTP", Map.of());
        String code = codeIn(h.lastMailTo(email));
        for (int i = 0; i < Verification.MAX_ATTEMPTS; i++) {
            h.verify(id, wrong(code));
        }
        JsonNode v = validate(t);
        assertThat(v.path("isValid").asBoolean()).isFalse();
        assertThat(v.path("state").asString()).isEqualTo("CHALLENGE_FAILED");
    }

    @Test
    void a_failed_action_stays_failed_when_a_later_challenge_of_it_succeeds() {
        String email = newEmail();
        Tracked t = track(Map.of("verificationMethod", "EMAIL_OTP", "email", email));
        String first = challenge(t, "EMAIL_OTP", Map.of());
        String code = codeIn(h.lastMailTo(email));
        for (int i = 0; i < Verification.MAX_ATTEMPTS; i++) {
            h.verify(first, wrong(code));
        }
        String second = challenge(t, "EMAIL_OTP", Map.of());
        assertThat(h.verify(second, codeIn(h.lastMailTo(email))).json().path("isVerified").asBoolean()).isTrue();
        JsonNode v = validate(t);
        assertThat(v.path("isValid").asBoolean()).isFalse();
        assertThat(v.path("state").asString()).isEqualTo("CHALLENGE_FAILED");
    }

    @Test
    void a_challenge_without_user_is_claimed_and_its_token_validates_and_opens_a_session() {
        String email = newEmail();
        String id = h.start("EMAIL_OTP", "email", email);
        String user = uid("claimer");
        assertThat(h.api.post("/v1/claim", Map.of("challengeId", id, "userId", user)).status()).isEqualTo(400);
        assertThat(h.verify(id, codeIn(h.lastMailTo(email))).json().path("isVerified").asBoolean()).isTrue();

        JsonNode claimed = h.api.post("/v1/claim", Map.of("challengeId", id, "userId", user)).json();
        assertThat(claimed.path("verificationMethod").asString()).isEqualTo("EMAIL_OTP");
        JsonNode v = h.api.post("/v1/validate", Map.of("token", claimed.path("token").asString())).json();
        assertThat(v.path("isValid").asBoolean()).as(v.toString()).isTrue();
        assertThat(v.path("state").asString()).isEqualTo("CHALLENGE_SUCCEEDED");
        assertThat(v.path("userId").asString()).isEqualTo(user);
        assertThat(v.path("action").asString()).isEqualTo("signIn");
        assertThat(v.path("verificationMethod").asString()).isEqualTo("EMAIL_OTP");

        String clientId = h.api.post("/admin/v1/clients", Map.of("name", "Web")).json().path("clientId").asString();
        ApiResponse session = h.api.post("/v1/sessions", Map.of("clientId", clientId,
                "token", claimed.path("token").asString()));
        assertThat(session.status()).as(session.toString()).isEqualTo(200);
        assertThat(session.json().path("accessToken").asString()).isNotBlank();
    }
    /**
     * A verify is one transaction. The database refuses the action's update (a trigger, so the
     * real store, service and transaction run): the verify fails as a whole, the recovery code stays unspent,
     * the challenge unverified and its attempt uncounted; once the action can move again the same code works.
     */
    @Test
    void a_failure_between_the_steps_of_a_verify_leaves_the_recovery_code_unspent() {
        Tracked t = track(Map.of("verificationMethod", "SMS", "phoneNumber", ChallengeHarness.newPhone()));
        String code = t.enrolled().path("recoveryCodes").get(0).asString();
        String id = challenge(t, "RECOVERY_CODE", Map.of());
        refuseActionUpdates(true);
        try {
            ApiResponse failed = h.verify(id, code);
            assertThat(failed.status()).as(failed.toString()).isEqualTo(500);
        } finally {
            refuseActionUpdates(false);
        }
        assertThat(recoveryCodesLeft(t.userId())).isEqualTo(10);
        assertThat(h.attempts(id)).isZero();
        assertThat(validate(t).path("state").asString()).isEqualTo("CHALLENGE_REQUIRED");

        JsonNode ok = h.verify(id, code).json();
        assertThat(ok.path("isVerified").asBoolean()).as(ok.toString()).isTrue();
        assertThat(ok.path("recoveryCodesRemaining").asInt()).isEqualTo(9);
        assertSucceeded(t, "RECOVERY_CODE");
    }

    private long recoveryCodesLeft(String userId) {
        return h.server.app().database().read(jdbc -> jdbc.count(
                "SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = ?", userId));
    }

    /** Installs (or drops) a trigger that makes every UPDATE of an action fail inside its transaction. */
    private void refuseActionUpdates(boolean refuse) {
        boolean sqlite = backend() == Backend.SQLITE;
        List<String> sql = refuse ? sqlite
                ? List.of("CREATE TRIGGER refuse_action_update BEFORE UPDATE ON actions"
                        + " BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
                : List.of("CREATE FUNCTION refuse_action_update() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$",
                        "CREATE TRIGGER refuse_action_update BEFORE UPDATE ON actions FOR EACH ROW"
                        + " EXECUTE FUNCTION refuse_action_update()")
                : sqlite ? List.of("DROP TRIGGER refuse_action_update")
                : List.of("DROP TRIGGER refuse_action_update ON actions", "DROP FUNCTION refuse_action_update()");
        h.server.app().database().write(jdbc -> {
            sql.forEach(jdbc::update);
            return null;
        });
    }
}
