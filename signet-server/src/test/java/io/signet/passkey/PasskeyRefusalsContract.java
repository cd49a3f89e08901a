package io.signet.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the passkey ceremonies refuse, each in the Authsignal error shape: registrations from the wrong origin or
 * RP ID, without user presence, malformed, expired or already registered; assertions of another user, forged,
 * with a counter that went back, or answering a challenge twice; and the lockout after forged assertions. Run
 * once per storage backend by its subclasses.
 */
abstract class PasskeyRefusalsContract extends PasskeyTestBase {
    @Test
    void a_page_outside_the_expected_origins_cannot_register() {
        String token = track(uid(), "signUp", null);
        JsonNode options = registrationOptions(bearer(token));
        refused(add(token, options, authenticator.create(options.path("options"), "http://localhost:3001")),
                400, "invalid_credential");
    }

    @Test
    void a_credential_scoped_to_another_rp_id_is_refused() {
        String token = track(uid(), "signUp", null);
        JsonNode options = registrationOptions(bearer(token));
        refused(add(token, options, authenticator.create(options.path("options"), ORIGIN, "evil.example")),
                400, "invalid_credential");
    }

    @Test
    void a_registration_without_user_presence_is_refused_unless_conditional() {
        String token = track(uid(), "signUp", null);
        JsonNode options = registrationOptions(bearer(token));
        authenticator.userPresent = false;
        try {
            refused(add(token, options, authenticator.create(options.path("options"), ORIGIN)), 400,
                    "invalid_credential");
            JsonNode again = registrationOptions(bearer(token));
            ok(add(token, again, authenticator.create(again.path("options"), ORIGIN), true));
        } finally {
            authenticator.userPresent = true;
        }
    }

    @Test
    void a_malformed_body_or_an_unknown_challenge_is_an_invalid_request() {
        String token = track(uid(), "signUp", null);
        JsonNode options = registrationOptions(bearer(token));
        refused(bearer(token).post(PASSKEY, Map.of("challengeId", options.path("challengeId").asString())), 400,
                "invalid_request");
        refused(bearer(token).post(PASSKEY, Map.of("registrationCredential", Map.of("id", "x"), "challengeId",
                options.path("challengeId").asString(), "conditionalCreate", false)), 400, "invalid_request");
        ObjectNode credential = authenticator.create(options.path("options"), ORIGIN);
        refused(bearer(token).post(PASSKEY, Map.of("registrationCredential", credential, "challengeId", "nope",
                "conditionalCreate", false)), 400, "invalid_request");
        refused(bearer(token).post("/verify/passkey", Map.of("authenticationCredential", credential)), 400,
                "invalid_request");
    }

    @Test
    void a_ceremony_expires_after_five_minutes_and_the_purge_removes_it() {
        String token = track(uid(), "signUp", null);
        JsonNode options = registrationOptions(bearer(token));
        JsonNode signIn = authenticationOptions(anonymous(), null);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        refused(add(token, options, authenticator.create(options.path("options"), ORIGIN)), 400, "invalid_request");
        assertThat(server.app().passkeys().purgeExpired()).isGreaterThanOrEqualTo(2);
        refused(anonymous().post(PASSKEY + "/authentication-options",
                Map.of("challengeId", signIn.path("challengeId").asString())), 400, "invalid_request");
    }

    @Test
    void a_credential_already_registered_is_a_conflict_and_a_challenge_serves_only_its_token() {
        Registered first = register();
        String other = track(uid(), "signUp", null);
        JsonNode options = registrationOptions(bearer(other));
        refused(add(other, options, authenticator.registrationResponse(first.credential(),
                options.path("options").path("challenge").asString(), ORIGIN)), 409, "conflict");

        JsonNode foreign = registrationOptions(bearer(track(uid(), "signUp", null)));
        refused(add(other, foreign, authenticator.create(foreign.path("options"), ORIGIN)), 400, "invalid_request");
    }

    @Test
    void another_users_passkey_or_a_deleted_one_is_an_invalid_credential() {
        Registered alice = register();
        Registered bob = register();
        String bobsToken = track(bob.userId(), "withdraw", null);
        refused(signIn(bearer(bobsToken), alice.credential()), 400, "invalid_credential");
        assertThat(validate(bobsToken).path("state").asString()).isNotEqualTo("CHALLENGE_SUCCEEDED");

        String id = alice.response().path("userAuthenticatorId").asString();
        ok(api.delete("/v1/users/" + alice.userId() + "/authenticators/" + id));
        refused(signIn(anonymous(), alice.credential()), 400, "invalid_credential");
        refused(anonymous().get(PASSKEY + "?credentialIds=" + alice.credential().id()), 404, "not_found");
    }

    @Test
    void a_forged_signature_or_another_user_handle_is_refused() {
        Registered reg = register();
        forgedSignIn(reg);

        JsonNode again = authenticationOptions(anonymous(), null);
        ObjectNode other = authenticator.assertion(reg.credential(), again.path("options").path("challenge").asString(),
                ORIGIN);
        ((ObjectNode) other.path("response")).put("userHandle",
                Base64.getUrlEncoder().withoutPadding().encodeToString("mallory".getBytes(StandardCharsets.UTF_8)));
        refused(anonymous().post("/verify/passkey", Map.of("authenticationCredential", other,
                "challengeId", again.path("challengeId").asString())), 400, "invalid_credential");
    }

    /** An anonymous sign-in with the passkey's assertion, its signature altered: refused as invalid. */
    void forgedSignIn(Registered reg) {
        JsonNode options = authenticationOptions(anonymous(), null);
        ObjectNode assertion = authenticator.assertion(reg.credential(),
                options.path("options").path("challenge").asString(), ORIGIN);
        ObjectNode response = (ObjectNode) assertion.path("response");
        byte[] signature = Base64.getUrlDecoder().decode(response.path("signature").asString());
        signature[signature.length - 1] ^= 1;
        response.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
        refused(anonymous().post("/verify/passkey", Map.of("authenticationCredential", assertion,
                "challengeId", options.path("challengeId").asString())), 400, "invalid_credential");
    }

    @Test
    void consecutive_forged_assertions_lock_the_user_and_a_success_before_the_limit_resets_them() {
        Registered reg = register();
        for (int i = 1; i < io.signet.lockout.FailureCounters.LIMIT; i++) {
            forgedSignIn(reg);
        }
        ok(signIn(anonymous(), reg.credential()));
        for (int i = 0; i < io.signet.lockout.FailureCounters.LIMIT; i++) {
            forgedSignIn(reg);
        }
        refused(signIn(anonymous(), reg.credential()), 429, "too_many_requests");
    }

    @Test
    void a_counter_of_zero_is_accepted_and_a_counter_that_does_not_increase_is_refused() {
        Registered reg = register();
        ok(signIn(anonymous(), reg.credential())); // counter 1
        reg.credential().signCount = 5;
        ok(signIn(anonymous(), reg.credential())); // counter 6
        reg.credential().signCount = 2;
        refused(signIn(anonymous(), reg.credential()), 400, "invalid_credential"); // counter 3, below 6
        authenticator.counting = false;
        try {
            ok(signIn(anonymous(), reg.credential())); // counter 0: the authenticator keeps none
        } finally {
            authenticator.counting = true;
        }
        // A counter of 0 did not lower the stored 6: the next non-zero counter must still exceed it.
        reg.credential().signCount = 5;
        refused(signIn(anonymous(), reg.credential()), 400, "invalid_credential"); // counter 6, not above 6
        ok(signIn(anonymous(), reg.credential())); // counter 7
    }

    @Test
    void a_sign_in_challenge_is_answered_once_and_only_by_its_caller() {
        Registered reg = register();
        JsonNode options = authenticationOptions(anonymous(), null);
        SoftAuthenticator.Credential c = reg.credential();
        ObjectNode assertion = authenticator.assertion(c, options.path("options").path("challenge").asString(), ORIGIN);
        Map<String, Object> body = Map.of("authenticationCredential", assertion, "challengeId",
                options.path("challengeId").asString());
        ok(anonymous().post("/verify/passkey", body));
        refused(anonymous().post("/verify/passkey", body), 400, "invalid_request");

        JsonNode users = authenticationOptions(bearer(track(reg.userId(), "a", null)), null);
        refused(verify(anonymous(), users, c), 400, "invalid_request");
    }
}
