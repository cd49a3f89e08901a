package io.signet.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the console changes, through its forms over real HTTP, checked through the APIs: recovery codes
 * regenerated and shown once, a user's sessions revoked, a user deleted only with their id typed, a tenant
 * created and its keys rotated (shown once) and revoked; each refused without a reason.
 */
abstract class ConsoleActionsContract extends SignedInConsole {
    private static final Pattern SECRET = Pattern.compile("<code class=\"secret\">([^<]+)</code>");

    @Test
    void users_are_found_by_id_email_phone_and_username_and_listed_a_page_at_a_time() {
        for (int i = 0; i < UserPages.PAGE + 1; i++) {
            server.api().post("/v1/users/u" + i, Map.of("email", "u" + i + "@example.com", "username", "name" + i,
                    "phoneNumber", "+6427100" + String.format("%04d", i)));
        }
        assertThat(operator.get("/console/users?by=id&q=u7").body()).contains("u7@example.com")
                .doesNotContain("u8@example.com");
        assertThat(operator.get("/console/users?by=email&q=U3@Example.com").body()).contains(">u3<");
        assertThat(operator.get("/console/users?by=phone&q=%2B64271000005").body()).contains("u5@example.com");
        assertThat(operator.get("/console/users?by=username&q=name9").body()).contains("u9@example.com")
                .doesNotContain("u1@example.com");
        String first = operator.get("/console/users").body();
        Matcher next = Pattern.compile("href=\"([^\"]*after=[^\"]*)\">Next page").matcher(first);
        assertThat(next.find()).as("a next-page link after %d users", UserPages.PAGE).isTrue();
        String second = operator.get(next.group(1).replace("&amp;", "&")).body();
        assertThat(second).doesNotContain("Next page");
        long listed = Pattern.compile("@example\\.com</td>").matcher(first + second).results().count();
        assertThat(listed).isEqualTo(UserPages.PAGE + 1);
    }

    @Test
    void recovery_codes_are_regenerated_once_shown_and_the_old_ones_stop_working() {
        List<String> old = enrolled("codes");
        String csrf = ConsoleVisitor.csrf(operator.get("/console/users/codes"));
        assertThat(operator.post("/console/users/codes/recovery-codes", Map.of("csrf", csrf)).status())
                .as("no reason").isEqualTo(400);
        ApiResponse shown = operator.post("/console/users/codes/recovery-codes", Map.of("csrf", csrf,
                "codes-reason", "user lost the sheet"));
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("shown only now").doesNotContain(old.getFirst());
        assertThat(server.app().authenticators().isUnusedRecoveryCode(server.app().tenants().list().getFirst()
                .tenantId(), "codes", old.getFirst())).isFalse();
    }

    @Test
    void a_user_is_deleted_only_with_their_id_typed() {
        enrolled("doomed");
        String csrf = ConsoleVisitor.csrf(operator.get("/console/users/doomed"));
        ApiResponse mistyped = operator.post("/console/users/doomed/delete", Map.of("csrf", csrf, "confirm", "doome",
                "delete-reason", "erasure request"));
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.body()).contains("type the user id");
        assertThat(server.api().get("/v1/users/doomed/authenticators").json().size()).isEqualTo(1);
        ApiResponse deleted = operator.post("/console/users/doomed/delete", Map.of("csrf", csrf, "confirm", "doomed",
                "delete-reason", "erasure request"));
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(server.api().get("/v1/users/doomed/authenticators").json().size()).isZero();
        assertThat(operator.get("/console/users/doomed").status()).isEqualTo(404);
    }

    @Test
    void revoking_sessions_is_audited_with_its_reason() {
        enrolled("revoked");
        String csrf = ConsoleVisitor.csrf(operator.get("/console/users/revoked"));
        assertThat(operator.post("/console/users/revoked/sessions/revoke", Map.of("csrf", csrf, "sessions-reason",
                "stolen laptop")).status()).isEqualTo(303);
        assertThat(operator.get("/console/audit").body()).contains("console.sessions.revoked", "stolen laptop");
    }

    @Test
    void a_tenant_is_created_and_its_keys_rotated_and_revoked_each_key_shown_once() {
        String csrf = ConsoleVisitor.csrf(operator.get("/console/tenants"));
        ApiResponse created = operator.post("/console/tenants", Map.of("csrf", csrf, "name", "Acme",
                "reason", "new customer"));
        String firstKey = secret(created);
        String tenantId = server.app().tenants().list().stream().filter(t -> t.name().equals("Acme")).findFirst()
                .orElseThrow().tenantId();
        Api acme = new Api(server.baseUrl(), firstKey);
        assertThat(acme.get("/admin/v1/settings").status()).isEqualTo(200);

        String base = "/console/tenants/" + tenantId;
        String rotated = secret(operator.post(base + "/keys/rotate?tenant=" + tenantId, Map.of("csrf", csrf,
                "rotate-reason", "yearly rotation")));
        assertThat(acme.withKey(rotated).get("/admin/v1/settings").status()).isEqualTo(200);
        assertThat(operator.get(base + "?tenant=" + tenantId).body()).doesNotContain(rotated, firstKey);

        String oldKeyId = server.app().tenants().keys(tenantId).getLast().keyId();
        ApiResponse revoked = operator.post(base + "/keys/" + oldKeyId + "/revoke?tenant=" + tenantId,
                Map.of("csrf", csrf, "reason-" + oldKeyId, "rotation done"));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(303);
        assertThat(acme.get("/admin/v1/settings").status()).isEqualTo(401);
        assertThat(acme.withKey(rotated).get("/admin/v1/settings").status()).isEqualTo(200);
        assertThat(server.app().tenants().audit(tenantId, null, 10)).extracting(e -> e.actor())
                .contains("console:ops@example.com");
    }

    /** A user of the default tenant with one SMS authenticator; their first recovery codes. */
    private List<String> enrolled(String userId) {
        ApiResponse r = server.api().post("/v1/users/" + userId + "/authenticators", Map.of("verificationMethod",
                "SMS", "phoneNumber", "+64271234567"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("recoveryCodes").valueStream().map(n -> n.asString()).toList();
    }

    private static String secret(ApiResponse page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        Matcher m = SECRET.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return m.group(1);
    }
}
