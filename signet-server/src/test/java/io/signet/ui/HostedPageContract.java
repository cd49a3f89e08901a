package io.signet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.ManualClock;
import io.signet.testing.ServerSuite;
import io.signet.wire.Json;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The hosted challenge page through the real HTTP port: what track's url serves, its security headers
 * per mode, the pages for bad tokens, and the language choice. The flows inside the page run in the
 * browser suite (compat/test/hosted-page.test.mjs).
 */
abstract class HostedPageContract extends ServerSuite {
    private static final Pattern CONFIG = Pattern.compile(
            "<script type=\"application/json\" id=\"signet-ui-config\">(.*?)</script>", Pattern.DOTALL);
    private static final Pattern BRAND = Pattern.compile("<header class=\"brand\" id=\"brand\">(.*?)</header>");
    private final ManualClock clock = new ManualClock(Instant.now());

    @Override
    protected Clock clock() {
        return clock;
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SIGNET_PUBLIC_URL", "http://localhost:9999");
    }

    /** The page as a browser fetches it: no credentials, only the URL track returned. */
    private ApiResponse open(String url, String... headers) {
        URI uri = URI.create(url);
        String path = uri.getRawPath() + "?" + uri.getRawQuery();
        return new Api(server.baseUrl(), null).send("GET", path, null, headerMap(headers));
    }

    private static Map<String, String> headerMap(String... pairs) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private JsonNode track(String userId, Map<String, Object> body) {
        ApiResponse r = api.post("/v1/users/" + userId + "/actions/signIn", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode config(ApiResponse page) {
        Matcher m = CONFIG.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return Json.MAPPER.readTree(m.group(1));
    }

    private static String uid() {
        return "user-" + UUID.randomUUID();
    }

    @Test
    void track_url_serves_the_page_with_strict_headers_in_redirect_mode() {
        String userId = uid();
        api.post("/v1/users/" + userId + "/authenticators", Map.of("verificationMethod", "SMS",
                "phoneNumber", "+64271234567"));
        JsonNode tracked = track(userId, Map.of("redirectUrl", "https://app.example.com/back?x=1"));
        assertThat(tracked.path("url").asString()).startsWith("http://localhost:9999/ui?token=");

        ApiResponse page = open(tracked.path("url").asString());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'", "style-src 'self'", "connect-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
        assertThat(page.body()).doesNotContain("<script>").contains("src=\"ui/assets/signet-ui.js?v=");
        JsonNode config = config(page);
        assertThat(config.path("screen").asString()).isEqualTo("app");
        assertThat(config.path("mode").asString()).isEqualTo("redirect");
        assertThat(config.path("redirectUrl").asString()).isEqualTo("https://app.example.com/back?x=1");
        assertThat(config.path("methods").toString()).isEqualTo("[\"SMS\"]");
        assertThat(config.path("enrol").asBoolean()).isFalse();
        assertThat(config.path("messages").path("code.submit").asString()).isEqualTo("Verify");
        assertThat(config.toString()).doesNotContain(tracked.path("token").asString());
    }

    @Test
    void popup_mode_may_be_framed_only_by_the_tenants_expected_origins() {
        JsonNode tracked = track(uid(), Map.of());

        ApiResponse page = open(tracked.path("url").asString() + "&mode=popup");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("X-Frame-Options")).isNull();
        assertThat(page.header("Content-Security-Policy"))
                .contains("frame-ancestors http://localhost:9999 http://localhost:*")
                .doesNotContain("frame-ancestors 'none'");
        JsonNode config = config(page);
        assertThat(config.path("mode").asString()).isEqualTo("popup");
        assertThat(config.path("origins").toString()).isEqualTo("[\"http://localhost:9999\"]");
        assertThat(config.path("anyLocalhostPort").asBoolean()).isTrue();
    }

    @Test
    void with_explicit_expected_origins_only_they_frame_the_popup_and_the_page_itself_still_calls_the_client_api() {
        Api admin = server.newTenant("Origins Inc");
        ApiResponse set = admin.patch("/admin/v1/settings", Map.of("expectedOrigins", java.util.List.of(
                "https://app.example.com")));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        JsonNode tracked = admin.post("/v1/users/" + uid() + "/actions/signIn", Map.of()).json();

        ApiResponse page = open(tracked.path("url").asString() + "&mode=popup");
        Api browser = new Api(server.baseUrl(), null);
        Map<String, Object> qr = Map.of("text", "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP");
        String bearer = "Bearer " + tracked.path("token").asString();
        ApiResponse fromThePage = browser.send("POST", "/v1/client/ui/qr-code", qr,
                Map.of("Authorization", bearer, "Origin", "http://localhost:9999"));
        ApiResponse fromElsewhere = browser.send("POST", "/v1/client/ui/qr-code", qr,
                Map.of("Authorization", bearer, "Origin", "https://evil.example"));

        assertThat(page.header("Content-Security-Policy")).endsWith("frame-ancestors https://app.example.com");
        assertThat(config(page).path("origins").toString()).isEqualTo("[\"https://app.example.com\"]");
        assertThat(config(page).path("anyLocalhostPort").asBoolean()).isFalse();
        assertThat(fromThePage.status()).as("the hosted page's own origin, SIGNET_PUBLIC_URL's").isEqualTo(200);
        assertThat(fromElsewhere.status()).isEqualTo(403);
    }

    @Test
    void an_unenrolled_user_or_the_add_authenticators_scope_gets_enrolment() {
        JsonNode config = config(open(track(uid(), Map.of()).path("url").asString()));
        assertThat(config.path("methods").isEmpty()).isTrue();
        assertThat(config.path("enrol").asBoolean()).isTrue();
        assertThat(config.path("enrollable").toString()).contains("PASSKEY", "AUTHENTICATOR_APP", "EMAIL_OTP", "SMS");

        String userId = uid();
        api.post("/v1/users/" + userId + "/authenticators", Map.of("verificationMethod", "SMS",
                "phoneNumber", "+64271234568"));
        api.post("/v1/users/" + userId + "/authenticators", Map.of("verificationMethod", "EMAIL_OTP",
                "email", "jane@example.com", "isDefault", true));
        JsonNode scoped = config(open(track(userId, Map.of("scope", "add:authenticators")).path("url").asString()));
        assertThat(scoped.path("methods").toString()).as("the default first").isEqualTo("[\"EMAIL_OTP\",\"SMS\"]");
        assertThat(scoped.path("enrol").asBoolean()).isTrue();
        assertThat(scoped.path("recoveryCode").asBoolean()).isTrue();
    }

    @Test
    void a_tampered_or_missing_token_gets_a_plain_page_not_an_error_trace() {
        String url = track(uid(), Map.of()).path("url").asString();

        ApiResponse tampered = open(url.substring(0, url.length() - 2) + "xx");
        ApiResponse missing = open(server.baseUrl() + "/ui?mode=popup");

        assertThat(tampered.status()).isEqualTo(401);
        assertThat(tampered.header("Content-Type")).startsWith("text/html");
        assertThat(tampered.body()).contains("This link has expired or is not valid")
                .doesNotContain("Exception", "at io.signet");
        assertThat(tampered.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(config(tampered).path("screen").asString()).isEqualTo("invalid");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void an_expired_token_gets_the_expired_page_in_the_browsers_language() {
        String url = track(uid(), Map.of()).path("url").asString();
        clock.advance(Duration.ofMinutes(11));
        try {
            ApiResponse page = open(url, "Accept-Language", "de-CH,de;q=0.9,en;q=0.5");

            assertThat(page.status()).isEqualTo(401);
            assertThat(page.body()).contains("<html lang=\"de\">", "Dieser Link ist abgelaufen oder ungültig");
        } finally {
            clock.advance(Duration.ofMinutes(-11));
        }
    }

    @Test
    void the_language_follows_accept_language_and_falls_back_to_english() {
        String url = track(uid(), Map.of()).path("url").asString();

        assertThat(config(open(url, "Accept-Language", "fr-CA,fr;q=0.8")).path("lang").asString()).isEqualTo("fr");
        assertThat(config(open(url, "Accept-Language", "ja,de;q=0.5")).path("lang").asString()).isEqualTo("de");
        assertThat(config(open(url, "Accept-Language", "ja")).path("lang").asString()).isEqualTo("en");
        assertThat(config(open(url, "Accept-Language", ";;garbage")).path("lang").asString()).isEqualTo("en");
        assertThat(config(open(url, "Accept-Language", "fr")).path("messages").path("code.submit").asString())
                .isEqualTo("Vérifier");
    }

    @Test
    void tracks_locale_wins_over_the_browsers_language() {
        String url = track(uid(), Map.of("locale", "fr-CA")).path("url").asString();
        String ignored = track(uid(), Map.of("locale", "not a tag!")).path("url").asString();

        assertThat(config(open(url, "Accept-Language", "de")).path("lang").asString()).isEqualTo("fr");
        assertThat(config(open(ignored, "Accept-Language", "de")).path("lang").asString()).isEqualTo("de");
    }

    private static String brand(ApiResponse page) {
        Matcher m = BRAND.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return m.group(1);
    }

    @Test
    void the_tenants_branding_shows_on_its_page() throws Exception {
        Api admin = server.newTenant("Acme Corp");
        String url = admin.post("/v1/users/" + uid() + "/actions/signIn", Map.of()).json().path("url").asString();
        assertThat(brand(open(url))).isEqualTo("<span class=\"tenant-name\">Acme Corp</span>");

        ApiResponse patched = admin.patch("/admin/v1/branding", Map.of("displayName", "Acme", "primaryColor", "#AA0033"));
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        ApiResponse logo = admin.send("POST", "/admin/v1/branding/logo", png, Map.of("Content-Type", "image/png"));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(logo.status()).as(logo.toString()).isEqualTo(200);
        assertThat(logo.json().path("logo").path("contentType").asString()).isEqualTo("image/png");
        assertThat(logo.json().path("logo").path("sizeBytes").asInt()).isEqualTo(png.length);
        ApiResponse page = open(url);
        assertThat(brand(page)).startsWith("<img src=\"data:image/png;base64,iVBORw0KGgo").endsWith("alt=\"Acme\">");
        // The colour, white text on it, in a style element the CSP allows by its hash alone.
        String style = ":root{--primary:#aa0033;--on-primary:#ffffff}";
        assertThat(page.body()).contains("<style>" + style + "</style>");
        String hash = java.util.Base64.getEncoder().encodeToString(io.signet.crypto.Sha256.of(style));
        assertThat(page.header("Content-Security-Policy")).contains("style-src 'self' 'sha256-" + hash + "';")
                .doesNotContain("unsafe-inline");
        assertThat(brand(open(track(uid(), Map.of()).path("url").asString())))
                .as("another tenant's page keeps its own name").doesNotContain("Acme");

        ApiResponse svg = admin.send("POST", "/admin/v1/branding/logo",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(),
                Map.of("Content-Type", "image/svg+xml"));
        ApiResponse huge = admin.send("POST", "/admin/v1/branding/logo",
                java.util.Arrays.copyOf(png, 100 * 1024 + 1), Map.of("Content-Type", "image/png"));
        ApiResponse badColor = admin.patch("/admin/v1/branding", Map.of("primaryColor", "red;}"));
        assertThat(svg.status()).isEqualTo(400);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(badColor.status()).isEqualTo(400);
        assertThat(badColor.errorDescription()).contains("primaryColor");

        ApiResponse removed = admin.delete("/admin/v1/branding/logo");
        ApiResponse reset = admin.patch("/admin/v1/branding", Map.of("displayName", "{{lang}} & Co"));
        assertThat(removed.json().has("logo")).isFalse();
        assertThat(reset.status()).isEqualTo(200);
        assertThat(brand(open(url))).as("a name that looks like a template slot is shown as written")
                .isEqualTo("<span class=\"tenant-name\">{{lang}} &amp; Co</span>");
        admin.patch("/admin/v1/branding", Map.of("displayName", "", "primaryColor", ""));
        ApiResponse plain = open(url);
        assertThat(brand(plain)).isEqualTo("<span class=\"tenant-name\">Acme Corp</span>");
        assertThat(plain.body()).doesNotContain("<style>");
    }

    @Test
    void a_blocked_action_ends_on_a_blocked_page() {
        ApiResponse rule = api.post("/admin/v1/rules", Map.of("name", "block all", "actionCode", "blockedAct",
                "priority", 1, "outcome", "BLOCK", "condition", true));
        assertThat(rule.status()).as(rule.toString()).isEqualTo(200);
        ApiResponse tracked = api.post("/v1/users/" + uid() + "/actions/blockedAct", Map.of());
        assertThat(tracked.json().path("state").asString()).isEqualTo("BLOCK");

        ApiResponse page = open(tracked.json().path("url").asString());

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("This request cannot continue");
        assertThat(config(page).path("screen").asString()).isEqualTo("blocked");
    }

    @Test
    void the_qr_code_of_an_otpauth_uri_is_drawn_for_a_token_holder_only() {
        String token = track(uid(), Map.of()).path("token").asString();
        Api browser = new Api(server.baseUrl(), null);
        Map<String, Object> body = Map.of("text", "otpauth://totp/Acme:jane?secret=JBSWY3DPEHPK3PXP&issuer=Acme");

        ApiResponse drawn = browser.send("POST", "/v1/client/ui/qr-code", body,
                Map.of("Authorization", "Bearer " + token));
        ApiResponse anonymous = browser.post("/v1/client/ui/qr-code", body);
        ApiResponse other = browser.send("POST", "/v1/client/ui/qr-code", Map.of("text", "https://evil.example"),
                Map.of("Authorization", "Bearer " + token));

        assertThat(drawn.status()).as(drawn.toString()).isEqualTo(200);
        assertThat(drawn.json().path("svg").asString()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("<path fill=\"#000\" d=\"M4,4h1v1h-1z").doesNotContain("<script");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.errorCode()).isEqualTo("invalid_request");
    }

    @Test
    void a_recovery_code_verifies_the_action_once_through_the_client_api() {
        String userId = uid();
        JsonNode enrolled = api.post("/v1/users/" + userId + "/authenticators", Map.of("verificationMethod", "SMS",
                "phoneNumber", "+64271234569")).json();
        String code = enrolled.path("recoveryCodes").get(0).asString();
        String token = track(userId, Map.of()).path("token").asString();
        Api browser = new Api(server.baseUrl(), null);
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);

        ApiResponse wrong = browser.send("POST", "/v1/client/verify/recovery-code",
                Map.of("verificationCode", "nope-nope"), bearer);
        ApiResponse right = browser.send("POST", "/v1/client/verify/recovery-code",
                Map.of("verificationCode", code), bearer);
        ApiResponse again = browser.send("POST", "/v1/client/verify/recovery-code",
                Map.of("verificationCode", code), bearer);

        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(200);
        assertThat(wrong.json().path("isVerified").asBoolean()).isFalse();
        assertThat(wrong.json().path("failureReason").asString()).isEqualTo("CODE_INVALID_OR_EXPIRED");
        assertThat(right.json().path("isVerified").asBoolean()).as(right.toString()).isTrue();
        JsonNode validated = api.post("/v1/validate", Map.of("token", right.json().path("accessToken").asString()))
                .json();
        assertThat(validated.path("isValid").asBoolean()).isTrue();
        assertThat(validated.path("verificationMethod").asString()).isEqualTo("RECOVERY_CODE");
        assertThat(again.json().path("isVerified").asBoolean()).as("a code works once").isFalse();
    }

    @Test
    void recovery_codes_are_issued_once_to_a_settled_token_of_a_user_who_has_none() {
        Api admin = server.newTenant("Codes Ltd");
        ApiResponse rule = admin.post("/admin/v1/rules", Map.of("name", "allow", "actionCode", "allowedAct",
                "priority", 1, "outcome", "ALLOW", "condition", true));
        assertThat(rule.status()).as(rule.toString()).isEqualTo(200);
        String userId = uid();
        admin.patch("/admin/v1/settings", Map.of("recoveryCodesEnabled", false));
        admin.post("/v1/users/" + userId + "/authenticators", Map.of("verificationMethod", "SMS",
                "phoneNumber", "+64271234570"));
        admin.patch("/admin/v1/settings", Map.of("recoveryCodesEnabled", true));
        Api browser = new Api(server.baseUrl(), null);
        String settled = admin.post("/v1/users/" + userId + "/actions/allowedAct",
                Map.of("scope", "add:authenticators")).json().path("token").asString();
        String pending = admin.post("/v1/users/" + userId + "/actions/signIn",
                Map.of("scope", "add:authenticators")).json().path("token").asString();

        String url = admin.post("/v1/users/" + userId + "/actions/signIn", Map.of()).json().path("url").asString();
        assertThat(config(open(url)).path("recoveryCode").asBoolean()).as("no codes, no offer").isFalse();
        ApiResponse refused = browser.send("POST", "/v1/client/ui/recovery-codes", Map.of(),
                Map.of("Authorization", "Bearer " + pending));
        ApiResponse issued = browser.send("POST", "/v1/client/ui/recovery-codes", Map.of(),
                Map.of("Authorization", "Bearer " + settled));
        ApiResponse again = browser.send("POST", "/v1/client/ui/recovery-codes", Map.of(),
                Map.of("Authorization", "Bearer " + settled));

        assertThat(refused.status()).as("the challenge is not completed yet").isEqualTo(403);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        assertThat(issued.json().path("recoveryCodes")).hasSize(10);
        assertThat(again.body()).as("shown once: the user has codes now").isEqualTo("{}");
        assertThat(config(open(url)).path("recoveryCode").asBoolean()).isTrue();
    }

    @Test
    void the_script_and_style_sheet_come_from_the_jar() {
        ApiResponse js = new Api(server.baseUrl(), null).get("/ui/assets/signet-ui.js");
        ApiResponse css = new Api(server.baseUrl(), null).get("/ui/assets/signet-ui.css");

        assertThat(js.status()).isEqualTo(200);
        assertThat(js.header("Content-Type")).startsWith("text/javascript");
        assertThat(js.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(js.body()).contains("AUTHSIGNAL_CLOSE_POPUP");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");
    }
}
