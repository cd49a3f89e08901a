package io.signet.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.tenant.AuditEvent;
import io.signet.tenant.TenantService;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.Race;
import io.signet.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The console's security properties over the real HTTP port, on a clock the test moves: the session
 * cookie's flags, CSRF refusals that change nothing, the idle and absolute timeouts, a single-use
 * enrollment link, operator sessions and tenant keys kept apart, and an audit row per console action.
 */
abstract class ConsoleSecurityContract extends SignedInConsole {
    @Test
    void the_session_cookie_is_HttpOnly_SameSite_Strict_and_scoped_to_the_console() {
        String session = operator.setCookies.stream().filter(c -> c.startsWith("signet_console=")).findFirst()
                .orElseThrow();
        assertThat(session).contains("HttpOnly", "SameSite=Strict", "Path=/console").doesNotContain("Max-Age");
        assertThat(session).as("plain http without an https public URL").doesNotContain("Secure");
        ApiResponse users = operator.get("/console/users");
        assertThat(users.status()).isEqualTo(200);
        ApiResponse realm = operator.get("/console/users?tenant=" + TenantService.OPERATOR_REALM);
        assertThat(realm.status()).as("the operator realm is no tenant the console shows").isEqualTo(404);
        assertThat(realm.header("Content-Type")).startsWith("text/html");
        assertThat(users.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void behind_an_https_public_URL_every_console_cookie_is_Secure() {
        try (TestServer https = TestServer.start(backend(), tempDir,
                Map.of("SIGNET_PUBLIC_URL", "https://console.example.com"), clock)) {
            ConsoleVisitor visitor = new ConsoleVisitor(https);
            visitor.enrolWithApp(ConsoleVisitor.invite(https, "tls@example.com"), clock);
            assertThat(visitor.setCookies).isNotEmpty().allSatisfy(c -> assertThat(c).endsWith("; Secure")
                    .containsOnlyOnce("Secure"));
            assertThat(visitor.setCookies).anySatisfy(c -> assertThat(c).startsWith("signet_console="));
        }
    }

    @Test
    void a_post_without_the_sessions_CSRF_field_is_refused_and_changes_nothing() {
        String userId = "csrf-victim";
        server.api().post("/v1/users/" + userId + "/authenticators", Map.of("verificationMethod", "SMS",
                "phoneNumber", "+64271234567"));
        String authenticatorId = server.api().get("/v1/users/" + userId + "/authenticators").json().get(0)
                .path("userAuthenticatorId").asString();
        String path = "/console/users/" + userId + "/authenticators/" + authenticatorId + "/delete";
        Map<String, String> forged = Map.of("reason-" + authenticatorId, "forged", "csrf", "0".repeat(64));
        assertThat(operator.post(path, forged).status()).isEqualTo(403);
        assertThat(operator.post(path, Map.of("reason-" + authenticatorId, "no field")).status()).isEqualTo(403);
        assertThat(server.api().get("/v1/users/" + userId + "/authenticators").json().size()).isEqualTo(1);
        assertThat(consoleActions()).doesNotContain("console.authenticator.deleted");

        String csrf = ConsoleVisitor.csrf(operator.get("/console/users/" + userId));
        ApiResponse done = operator.post(path, Map.of("reason-" + authenticatorId, "lost phone", "csrf", csrf));
        assertThat(done.status()).as(done.toString()).isEqualTo(303);
        assertThat(server.api().get("/v1/users/" + userId + "/authenticators").json().size()).isZero();
    }

    @Test
    void a_session_ends_after_15_idle_minutes() {
        clock.advance(Duration.ofMinutes(14));
        assertThat(operator.get("/console/users").status()).as("activity 14 minutes later").isEqualTo(200);
        clock.advance(Duration.ofMinutes(14));
        assertThat(operator.get("/console/users").status()).as("idle 14 minutes again").isEqualTo(200);
        clock.advance(ConsoleSessions.IDLE);
        ApiResponse expired = operator.get("/console/users");
        assertThat(expired.status()).isEqualTo(303);
        assertThat(expired.header("Location")).isEqualTo("/console/sign-in?notice=expired");
        assertThat(operator.cookies).doesNotContainKey("signet_console");
        ConsoleSessions sessions = new ConsoleSessions(new JdbcConsoleStore(server.app().database()),
                new io.signet.crypto.SecretHasher(server.encryptionKey()), clock);
        // The link was made by the CLI on the real clock, so only the session has expired on the test's clock.
        assertThat(sessions.purgeExpired()).as("the expired session").isEqualTo(1);
        assertThat(sessions.purgeExpired()).isZero();
    }

    @Test
    void a_session_ends_12_hours_after_sign_in_however_active() {
        for (int i = 0; i < 12 * 6 - 1; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(operator.get("/console/audit").status()).as("after %d minutes", (i + 1) * 10).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(10));
        assertThat(operator.get("/console/audit").status()).isEqualTo(303);
    }

    @Test
    void an_expired_session_cannot_post_a_form() {
        String csrf = ConsoleVisitor.csrf(operator.get("/console/tenants"));
        clock.advance(ConsoleSessions.IDLE.plusSeconds(1));
        ApiResponse refused = operator.post("/console/tenants", Map.of("name", "late", "reason", "x", "csrf", csrf));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(server.app().tenants().list()).extracting(t -> t.name()).doesNotContain("late");
    }

    /** 16 visitors post one link at once from a barrier, over every node (two on PostgreSQL): one enrols. */
    @Test
    void an_enrollment_link_works_once_even_when_posted_concurrently_over_every_node() throws Exception {
        String link = ConsoleVisitor.invite(server, "second@example.com");
        try (TestServer second = backend() == Backend.POSTGRESQL ? TestServer.startOn(server.databaseUrl(),
                server.encryptionKey(), Map.of("SIGNET_PUBLIC_URL", "http://localhost:9999"), clock) : null) {
            List<TestServer> nodes = second == null ? List.of(server) : List.of(server, second);
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                ConsoleVisitor visitor = new ConsoleVisitor(nodes.get(i % nodes.size()));
                String csrf = ConsoleVisitor.csrf(visitor.get("/console/enroll?token=" + link));
                posts.add(() -> visitor.post("/console/enroll", Map.of("csrf", csrf, "token", link)).status());
            }
            List<Integer> statuses = Race.fromBarrier(posts);
            assertThat(statuses).as(statuses.toString()).containsOnlyOnce(303).containsOnly(303, 410);
        }
    }

    /**
     * A link lasts {@link OperatorAccounts#LINK_LIFETIME}. The CLI makes it on the real clock (between
     * {@code before} and {@code after}), so the server's clock is moved to just inside, then past, that end.
     */
    @Test
    void an_enrollment_link_ends_after_its_lifetime() {
        java.time.Instant before = java.time.Instant.now();
        String used = ConsoleVisitor.invite(server, "in-time@example.com");
        String late = ConsoleVisitor.invite(server, "late@example.com");
        java.time.Instant after = java.time.Instant.now();
        ConsoleVisitor visitor = new ConsoleVisitor(server);

        clock.advance(Duration.between(clock.instant(), before.plus(OperatorAccounts.LINK_LIFETIME).minusSeconds(1)));
        String csrf = ConsoleVisitor.csrf(visitor.get("/console/enroll?token=" + used));
        assertThat(visitor.post("/console/enroll", Map.of("csrf", csrf, "token", used)).status()).isEqualTo(303);

        clock.advance(Duration.between(clock.instant(), after.plus(OperatorAccounts.LINK_LIFETIME)));
        String lateCsrf = ConsoleVisitor.csrf(visitor.get("/console/enroll?token=" + late));
        assertThat(visitor.post("/console/enroll", Map.of("csrf", lateCsrf, "token", late)).status()).isEqualTo(410);
    }

    @Test
    void an_operator_who_never_finished_enrolling_cannot_sign_in_and_only_gets_a_new_link() {
        ConsoleVisitor.invite(server, "pending@example.com");
        ConsoleVisitor stranger = new ConsoleVisitor(server);
        String csrf = ConsoleVisitor.csrf(stranger.get("/console/sign-in"));
        ApiResponse refused = stranger.post("/console/sign-in", Map.of("csrf", csrf, "email", "pending@example.com"));
        assertThat(refused.status()).as("no redirect to a hosted page that would offer enrolment").isEqualTo(200);
        assertThat(refused.body()).contains("role=\"alert\"", "enrollment link");
        ApiResponse forged = stranger.post("/console/sign-in", Map.of("csrf", "0".repeat(64), "email",
                "ops@example.com"));
        assertThat(forged.status()).isEqualTo(403);
        ApiResponse started = stranger.post("/console/sign-in", Map.of("csrf", csrf, "email", "ops@example.com"));
        assertThat(started.status()).isEqualTo(303);
        assertThat(started.header("Location")).startsWith("http://localhost:9999/ui?token=");

        io.signet.cli.CliRunner.Run again = io.signet.cli.CliRunner.run(server, "console-admin", "create", "--email",
                "ops@example.com");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
        assertThat(io.signet.cli.CliRunner.run(server, "console-admin", "create", "--email", "pending@example.com")
                .code()).as("a new link for an operator who never finished enrolling").isZero();
    }

    @Test
    void tenant_keys_open_no_console_page_and_the_console_cookie_opens_no_API() {
        ApiResponse withKey = server.api().get("/console/users");
        assertThat(withKey.status()).isEqualTo(303);
        assertThat(withKey.header("Location")).startsWith("/console/sign-in");

        String cookie = "signet_console=" + operator.cookies.get("signet_console");
        Api anonymous = new Api(server.baseUrl(), null);
        for (String path : List.of("/v1/users/someone", "/admin/v1/settings")) {
            ApiResponse r = anonymous.send("GET", path, null, Map.of("Cookie", cookie));
            assertThat(r.status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void the_operator_realm_is_no_tenant_of_the_listings_or_the_APIs() {
        assertThat(server.app().tenants().list()).extracting(t -> t.tenantId())
                .doesNotContain(TenantService.OPERATOR_REALM);
        assertThat(server.app().tenants().findVisible(TenantService.OPERATOR_REALM)).isEmpty();
        ApiResponse anonymousPasskey = io.signet.testing.ClientApi.tenant(server.baseUrl(), TenantService.OPERATOR_REALM)
                .post("/user-authenticators/passkey/authentication-options", null);
        assertThat(anonymousPasskey.status()).as(anonymousPasskey.toString()).isEqualTo(401);
    }

    @Test
    void every_console_action_is_an_audit_row_with_operator_target_and_reason() {
        server.api().post("/v1/users/audited", Map.of("email", "a@example.com"));
        String csrf = ConsoleVisitor.csrf(operator.get("/console/users/audited"));
        clock.advance(Duration.ofSeconds(1)); // audit ids order by time; within one millisecond they need not
        operator.post("/console/users/audited/sessions/revoke", Map.of("sessions-reason", "account takeover",
                "csrf", csrf));
        long revokedAt = clock.millis();
        clock.advance(Duration.ofSeconds(1));
        operator.post("/console/sign-out", Map.of("csrf", csrf));
        List<AuditEvent> events = server.app().tenants().consoleAudit(null, 10);
        assertThat(events).extracting(AuditEvent::action).containsExactly("console.signed_out",
                "console.sessions.revoked", "console.signed_in");
        AuditEvent revoked = events.get(1);
        assertThat(revoked.actor()).isEqualTo("console:ops@example.com");
        assertThat(revoked.details()).containsEntry("target", "user audited").containsEntry("reason",
                "account takeover");
        assertThat(revoked.createdAt()).isEqualTo(revokedAt);
        assertThat(operator.get("/console/users").status()).as("signed out").isEqualTo(303);
    }

    private List<String> consoleActions() {
        return server.app().tenants().consoleAudit(null, 50).stream().map(AuditEvent::action).toList();
    }
}
