package io.signet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.challenge.ChallengeHarness;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.text.UrlEncoding;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The hosted page's plain forms (JavaScript off) through the real HTTP port, codes read from real SMTP: the
 * CSRF cookie and field, refusals that send nothing, the API's send limit, and the 303 back to the tracked
 * redirectUrl with a token that validates. The same flows in a browser with JavaScript disabled:
 * compat/test/hosted-page-forms.test.mjs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostedFormsContract {
    private static final int SENDS_PER_USER = 2;
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]{64})\"");
    private static final String APP = "https://app.example.com";
    @TempDir
    static Path tempDir;
    private ChallengeHarness h;

    abstract Backend backend();

    @BeforeAll
    void start() {
        h = new ChallengeHarness(backend(), tempDir, Map.of("SIGNET_SEND_LIMIT_PER_USER",
                Integer.toString(SENDS_PER_USER), "SIGNET_PUBLIC_URL", "http://localhost:9999"));
        assertThat(h.api.patch("/admin/v1/action-configurations/signIn", Map.of("defaultOutcome", "CHALLENGE"))
                .status()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        h.close();
    }

    /** A page as the browser got it: its token, the cookie it set and the form's CSRF field. */
    private record Opened(String token, String cookie, String csrf, ApiResponse page) {
    }

    /** A user with an email authenticator, tracked with {@code redirectUrl} (or none), page opened. */
    private Opened open(String email, String redirectUrl, String mode) {
        String userId = ChallengeHarness.uid("forms");
        assertThat(h.api.post("/v1/users/" + userId + "/authenticators", Map.of("verificationMethod", "EMAIL_OTP",
                "email", email)).status()).isEqualTo(200);
        Map<String, Object> body = redirectUrl == null ? Map.of() : Map.of("redirectUrl", redirectUrl);
        String token = h.api.post("/v1/users/" + userId + "/actions/signIn", body).json().path("token").asString();
        ApiResponse page = new Api(h.server.baseUrl(), null).get("/ui?token=" + token + (mode == null ? ""
                : "&mode=" + mode));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        String setCookie = page.raw().headers().firstValue("Set-Cookie").orElse(null);
        Matcher csrf = CSRF.matcher(page.body());
        return new Opened(token, setCookie == null ? null : setCookie.substring(0, setCookie.indexOf(';')),
                csrf.find() ? csrf.group(1) : null, page);
    }

    private ApiResponse post(String cookie, Map<String, String> fields) {
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/x-www-form-urlencoded"));
        if (cookie != null) {
            headers.put("Cookie", cookie);
        }
        String form = fields.entrySet().stream().map(e -> e.getKey() + "=" + UrlEncoding.form(e.getValue()))
                .collect(Collectors.joining("&"));
        return new Api(h.server.baseUrl(), null).send("POST", "/ui", form, headers);
    }

    private static Map<String, String> fields(Opened o, String step, String... more) {
        Map<String, String> f = new LinkedHashMap<>(Map.of("token", o.token(), "csrf", o.csrf(), "step", step,
                "method", "EMAIL_OTP"));
        for (int i = 0; i < more.length; i += 2) {
            f.put(more[i], more[i + 1]);
        }
        return f;
    }

    @Test
    void the_page_has_plain_forms_with_a_csrf_field_and_a_strict_http_only_cookie() {
        Opened o = open(ChallengeHarness.newEmail(), APP + "/back", null);
        assertThat(o.cookie()).startsWith(FormGuard.COOKIE + "=");
        assertThat(o.page().raw().headers().firstValue("Set-Cookie").orElseThrow())
                .contains("HttpOnly").contains("SameSite=Strict");
        assertThat(o.csrf()).isNotNull();
        assertThat(o.page().body()).contains("<form method=\"post\" action=\"ui\">")
                .contains("value=\"EMAIL_OTP\">Code by email</button>")
                .contains("Passkeys, sign-in links and setting up a new way to verify need JavaScript.");
        assertThat(o.page().header("Content-Security-Policy")).doesNotContain("unsafe-inline");

        Opened popup = open(ChallengeHarness.newEmail(), null, "popup");
        assertThat(popup.page().body()).doesNotContain("<form").contains("This sign-in window needs JavaScript.");
        assertThat(popup.cookie()).isNull();
    }

    @Test
    void a_post_without_the_cookie_or_with_another_field_is_refused_and_sends_nothing() {
        String email = ChallengeHarness.newEmail();
        Opened o = open(email, APP + "/back", null);
        ApiResponse noCookie = post(null, fields(o, "start"));
        assertThat(noCookie.status()).isEqualTo(403);
        assertThat(noCookie.body()).contains("This form could not be accepted");
        assertThat(post(FormGuard.COOKIE + "=" + "A".repeat(43), fields(o, "start")).status()).isEqualTo(403);
        assertThat(post(o.cookie(), fields(o, "start", "csrf", "0".repeat(64))).status()).isEqualTo(403);
        assertThat(post(o.cookie(), fields(o, "verify", "csrf", "", "code", "123456")).status()).isEqualTo(403);
        assertThat(h.mailsTo(email)).isZero();
        assertThat(post(o.cookie(), fields(o, "start", "token", "forged")).status()).isEqualTo(401);
    }

    @Test
    void a_right_code_after_a_wrong_one_answers_303_to_the_tracked_redirect_url_with_a_token_that_validates() {
        String email = ChallengeHarness.newEmail();
        Opened o = open(email, APP + "/back?x=1#top", null);
        ApiResponse form = post(o.cookie(), fields(o, "start"));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Check your email").contains("name=\"code\"");
        assertThat(form.header("Content-Security-Policy")).contains("form-action 'self' " + APP)
                .doesNotContain("script-src");
        String code = ChallengeHarness.codeIn(h.lastMailTo(email));

        ApiResponse wrong = post(o.cookie(), fields(o, "verify", "code", ChallengeHarness.wrong(code)));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"code-error\" class=\"alert\" role=\"alert\"")
                .contains("aria-invalid=\"true\"")
                .contains("<title>Error: Check your email</title>");

        String spaced = code.substring(0, 3) + " " + code.substring(3); // as people type it
        ApiResponse done = post(o.cookie(), fields(o, "verify", "code", spaced));
        assertThat(done.status()).isEqualTo(303);
        String location = done.header("Location");
        assertThat(location).startsWith(APP + "/back?x=1&token=").endsWith("#top");
        String token = UrlEncoding.decodeForm(location.substring(location.indexOf("&token=") + 7,
                location.indexOf('#')));
        JsonNode validated = h.api.post("/v1/validate", Map.of("token", token)).json();
        assertThat(validated.path("isValid").asBoolean()).as(validated.toString()).isTrue();
        assertThat(validated.path("state").asString()).isEqualTo("CHALLENGE_SUCCEEDED");
        assertThat(validated.path("verificationMethod").asString()).isEqualTo("EMAIL_OTP");
    }

    @Test
    void the_send_limit_is_the_apis_and_without_a_redirect_url_the_page_ends_by_itself() {
        String email = ChallengeHarness.newEmail();
        Opened o = open(email, null, null);
        assertThat(post(o.cookie(), fields(o, "start")).body()).doesNotContain("id=\"code-error\"");
        h.clock.advance(Duration.ofSeconds(5)); // the new code's challenge is the newer one
        assertThat(post(o.cookie(), fields(o, "send")).body()).contains("A new code is on its way.");
        ApiResponse limited = post(o.cookie(), fields(o, "send"));
        assertThat(limited.status()).isEqualTo(200);
        assertThat(limited.body()).contains("Too many attempts. Wait a few minutes, then try again.");
        assertThat(h.mailsTo(email)).isEqualTo(SENDS_PER_USER);

        ApiResponse done = post(o.cookie(), fields(o, "verify", "code", ChallengeHarness.codeIn(h.lastMailTo(email))));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("You&#39;re verified").contains("You can close this window now.");
    }

    @Test
    void after_five_wrong_codes_the_link_opened_again_gets_the_used_page_with_no_method_to_try() {
        String email = ChallengeHarness.newEmail();
        Opened o = open(email, APP + "/back", null);
        post(o.cookie(), fields(o, "start"));
        String code = ChallengeHarness.codeIn(h.lastMailTo(email));
        for (int i = 0; i < 5; i++) {
            post(o.cookie(), fields(o, "verify", "code", ChallengeHarness.wrong(code)));
        }
        Api browser = new Api(h.server.baseUrl(), null);

        ApiResponse page = browser.send("GET", "/ui?token=" + o.token(), null, Map.of("Accept-Language", "fr"));
        ApiResponse popup = browser.get("/ui?token=" + o.token() + "&mode=popup");

        assertThat(page.status()).as(page.toString()).isEqualTo(410);
        assertThat(page.body()).contains("<html lang=\"fr\">", "Ce lien a déjà été utilisé",
                "\"screen\":\"used\"", "\"methods\":[]").doesNotContain("<form", "Exception");
        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(popup.status()).isEqualTo(410);
        assertThat(popup.header("Content-Security-Policy")).as("the app's frame shows it and hears READY")
                .contains("frame-ancestors http://localhost:9999");
        assertThat(h.api.post("/v1/validate", Map.of("token", o.token())).json().path("state").asString())
                .isEqualTo("CHALLENGE_FAILED");
    }

    @Test
    void a_method_the_user_has_not_or_that_needs_the_script_gets_the_choice_again() {
        String email = ChallengeHarness.newEmail();
        Opened o = open(email, APP + "/back", null);
        for (String method : new String[] {"PASSKEY", "SMS", "EMAIL_MAGIC_LINK", "nonsense"}) {
            ApiResponse r = post(o.cookie(), fields(o, "start", "method", method));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("Choose how to confirm it&#39;s you.").doesNotContain("name=\"code\"");
        }
        assertThat(h.mailsTo(email)).isZero();
    }

    @Test
    void an_allowed_action_needs_no_code_and_its_page_links_back_with_the_token() {
        assertThat(h.api.patch("/admin/v1/action-configurations/allowedByDefault", Map.of("defaultOutcome", "ALLOW"))
                .status()).isEqualTo(200);
        String token = h.api.post("/v1/users/" + ChallengeHarness.uid("forms") + "/actions/allowedByDefault",
                Map.of("redirectUrl", APP + "/back")).json().path("token").asString();
        ApiResponse page = new Api(h.server.baseUrl(), null).get("/ui?token=" + token);
        assertThat(page.body())
                .contains("<a class=\"button\" href=\"" + APP + "/back?token=" + token + "\">Continue</a>")
                .doesNotContain("<form");
    }
}
