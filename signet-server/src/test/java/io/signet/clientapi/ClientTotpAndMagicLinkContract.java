package io.signet.clientapi;

import static io.signet.challenge.ChallengeHarness.linkIn;
import static io.signet.challenge.ChallengeHarness.newEmail;
import static io.signet.challenge.ChallengeHarness.uid;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.challenge.ChallengeHarness;
import io.signet.testing.ApiResponse;
import io.signet.testing.Rfc6238;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Client API's authenticator-app (TOTP) and magic-link flows: enrollment with a fresh code, a new enrollment
 * replacing the pending one, and a magic link finalizing once after it is opened. Run once per storage backend by
 * its subclasses.
 */
abstract class ClientTotpAndMagicLinkContract extends ClientFlowsTestBase {
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
}
