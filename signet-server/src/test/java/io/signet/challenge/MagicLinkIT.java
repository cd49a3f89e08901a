package io.signet.challenge;

import static io.signet.challenge.ChallengeHarness.linkIn;
import static io.signet.challenge.ChallengeHarness.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.text.UrlEncoding;
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

    private ApiResponse press(String link, String formToken) {
        return new Api(link, null).send("POST", "", formToken == null ? "" : "formToken=" + formToken,
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    private boolean verified(String challengeId) {
        return h.api.post("/v1/verify", Map.of("challengeId", challengeId)).json().path("isVerified").asBoolean();
    }

    @Test
    void opening_the_mailed_link_verifies_nothing_until_its_button_is_pressed_and_then_once() {
        String email = newEmail();
        String id = h.start("EMAIL_MAGIC_LINK", "email", email);
        String link = linkIn(h.lastMailTo(email));
        assertThat(link).startsWith(h.server.baseUrl() + "/magic-link/");

        ApiResponse page = open(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.body()).contains("<form method=\"post\"").doesNotContain(email);
        assertThat(open(link).status()).as("a scanner opening it again").isEqualTo(200);
        assertThat(verified(id)).as("a plain GET signs nobody in").isFalse();

        assertThat(press(link, null).status()).isEqualTo(403);
        assertThat(press(link, "forged").status()).isEqualTo(403);
        String otherLink = h.server.baseUrl() + "/magic-link/" + "B".repeat(43);
        assertThat(verified(id)).isFalse();

        ApiResponse done = ChallengeHarness.clickLink(link);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("verified").doesNotContain(email);
        JsonNode after = h.api.post("/v1/verify", Map.of("challengeId", id)).json();
        assertThat(after.path("isVerified").asBoolean()).isTrue();
        assertThat(after.path("email").asString()).isEqualTo(email);
        assertThat(after.path("verificationMethod").asString()).isEqualTo("EMAIL_MAGIC_LINK");

        assertThat(open(link).status()).isEqualTo(410);
        assertThat(open(link).body()).contains("no longer valid");
        String formToken = UrlEncoding.form(ChallengeHarness.formToken(page));
        assertThat(press(link, formToken).status()).as("pressed again").isEqualTo(410);
        assertThat(press(otherLink, formToken).status()).as("another link's form token").isEqualTo(403);
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
