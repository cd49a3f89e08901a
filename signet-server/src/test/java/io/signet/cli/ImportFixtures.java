package io.signet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Es256Keys;
import io.signet.testing.Rfc6238;
import io.signet.testing.TestServer;
import io.signet.wire.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What the import tests share: tenants made through the CLI, generated export files, factor checks over HTTP. */
public final class ImportFixtures {
    static final String PASSPHRASE = "correct horse battery staple";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private ImportFixtures() {
    }

    /** A tenant created with {@code signet tenant create}, and a client for it. */
    public record Tenant(String id, Api api) {
    }

    public static Tenant newTenant(TestServer server, String name) {
        CliRunner.Run created = CliRunner.run(server, "tenant", "create", "--name", name, "--json");
        assertThat(created.code()).as(created.err()).isZero();
        JsonNode tenant = Json.MAPPER.readTree(created.out());
        return new Tenant(tenant.path("tenantId").asString(), new Api(server.baseUrl(), tenant.path("secretKey").asString()));
    }

    static Path passphraseFile(Path dir) throws IOException {
        return Files.writeString(dir.resolve("phrase"), PASSPHRASE + "\n");
    }

    /** The summary a {@code --json} import printed. */
    public static JsonNode summary(CliRunner.Run run) {
        String out = run.out().strip();
        assertThat(out).as("stdout of import; stderr: " + run.err()).startsWith("{");
        return Json.MAPPER.readTree(out);
    }

    /** A TOTP code from {@code secret} verifies through /v1/challenge and /v1/verify. */
    static boolean totpVerifies(Api api, String userId, String secret) {
        return verifies(api, userId, "AUTHENTICATOR_APP", Rfc6238.code(secret, Instant.now(), 0));
    }

    public static boolean verifies(Api api, String userId, String method, String code) {
        ApiResponse challenge = api.post("/v1/challenge", Map.of("verificationMethod", method, "action", "signIn",
                "userId", userId));
        assertThat(challenge.status()).as(challenge.body()).isEqualTo(200);
        ApiResponse verify = api.post("/v1/verify", Map.of("challengeId",
                challenge.json().path("challengeId").asString(), "verificationCode", code));
        assertThat(verify.status()).as(verify.body()).isEqualTo(200);
        return verify.json().path("isVerified").asBoolean();
    }

    /**
     * Writes {@code users} export lines: every user has an email and an EMAIL_OTP authenticator, every second a
     * passkey, every third an authenticator app; {@code bad} replaces lines (by number) with the given text.
     */
    static void generate(Path file, int users, Map<Integer, String> bad) throws IOException {
        String publicKey = Base64.getUrlEncoder().withoutPadding().encodeToString(
                Es256Keys.cosePublicKey(Es256Keys.generate()));
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int n = 1; n <= users; n++) {
                out.write(bad.containsKey(n) ? bad.get(n) : Json.write(user(n, publicKey)));
                out.write('\n');
            }
        }
    }

    /** One generated line (see {@link #generate}). */
    static Map<String, Object> user(int n, String publicKey) {
        String id = String.format("gen-%06d", n);
        String time = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n).toString();
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("schemaVersion", 1);
        u.put("userId", id);
        u.put("email", id + "@example.com");
        u.put("emailVerified", true);
        u.put("phoneNumberVerified", false);
        u.put("custom", Map.of("n", n));
        u.put("createdAt", time);
        u.put("updatedAt", time);
        List<Map<String, Object>> factors = new ArrayList<>();
        factors.add(factor(id + "-email", "EMAIL_OTP", time, Map.of("email", id + "@example.com")));
        if (n % 2 == 0) {
            byte[] credentialId = new byte[16];
            RANDOM.nextBytes(credentialId);
            factors.add(factor(id + "-passkey", "PASSKEY", time, Map.of("passkey", Map.of(
                    "credentialId", Base64.getUrlEncoder().withoutPadding().encodeToString(credentialId),
                    "publicKey", publicKey, "algorithm", -7, "signCount", 0))));
        }
        if (n % 3 == 0) {
            factors.add(factor(id + "-totp", "AUTHENTICATOR_APP", time, Map.of("totp", Map.of(
                    "algorithm", "SHA1", "digits", 6, "period", 30, "secret", secret()))));
        }
        u.put("authenticators", factors);
        return u;
    }

    private static Map<String, Object> factor(String id, String method, String time, Map<String, Object> fields) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("authenticatorId", id);
        a.put("verificationMethod", method);
        a.put("pending", false);
        a.put("createdAt", time);
        a.put("verifiedAt", time);
        a.putAll(fields);
        return a;
    }

    /** A random 160-bit base32 TOTP secret. */
    static String secret() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            s.append(BASE32.charAt(RANDOM.nextInt(32)));
        }
        return s.toString();
    }

    static long users(TestServer server, String tenantId) {
        return server.app().database().read(jdbc -> jdbc.count("SELECT COUNT(*) AS n FROM users WHERE tenant_id = ?",
                tenantId));
    }

    public static List<JsonNode> jsonLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(Json.MAPPER::readTree).toList();
    }
}
