package io.signet.challenge;

import static io.signet.challenge.ChallengeHarness.linkIn;
import static io.signet.challenge.ChallengeHarness.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Email magic links: mailed by SMTP, opened by a browser without a key, single use, expiring. */
class MagicLinkIT extends ChallengeSuite {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }

    private ApiResponse open(String link) {
        return new Api(link, null).get("");
    }

    @Test
    void opening_the_mailed_link_verifies_the_challenge_once() {
        String email = newEmail();
        String id = h.start("EMAIL_MAGIC_LINK", "email", email);
        String link = linkIn(h.lastMailTo(email));
        assertThat(link).startsWith(h.server.baseUrl() + "/magic-link/");

        JsonNode before = h.api.post("/v1/verify", Map.of("challengeId", id)).json();
        assertThat(before.path("isVerified").asBoolean()).isFalse();

        ApiResponse page = open(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.body()).contains("verified").doesNotContain(email);

        JsonNode after = h.api.post("/v1/verify", Map.of("challengeId", id)).json();
        assertThat(after.path("isVerified").asBoolean()).isTrue();
        assertThat(after.path("email").asString()).isEqualTo(email);
        assertThat(after.path("verificationMethod").asString()).isEqualTo("EMAIL_MAGIC_LINK");

        ApiResponse reused = open(link);
        assertThat(reused.status()).isEqualTo(410);
        assertThat(reused.body()).contains("no longer valid");
    }

    @Test
    void an_expired_or_made_up_link_shows_the_same_page_and_reveals_nothing() {
        String email = newEmail();
        h.challenge(Map.of("verificationMethod", "EMAIL_MAGIC_LINK", "action", "signIn", "email", email));
        String link = linkIn(h.lastMailTo(email));
        h.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        ApiResponse expired = open(link);
        ApiResponse madeUp = open(h.server.baseUrl() + "/magic-link/" + "A".repeat(43));
        assertThat(expired.status()).isEqualTo(410);
        assertThat(madeUp.status()).isEqualTo(410);
        assertThat(expired.body()).isEqualTo(madeUp.body()).doesNotContain(email);
    }

    @Test
    void the_link_page_needs_no_secret_key_but_the_API_still_does() {
        assertThat(new Api(h.server.baseUrl(), null).post("/v1/challenge", Map.of()).status()).isEqualTo(401);
        assertThat(open(h.server.baseUrl() + "/magic-link/x").status()).isEqualTo(410);
    }
}
