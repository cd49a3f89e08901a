package io.signet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.authenticator.Passkeys;
import io.signet.export.ExportCipher;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.ExportSchema;
import io.signet.testing.TestServer;
import io.signet.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./signet export}: users enrolled with every authenticator kind through the HTTP API come out as JSON
 * Lines that match docs/export-schema.json; secrets only with --include-secrets, then encrypted; the
 * passphrase is needed to read them back; pages of users are stitched without gaps or repeats.
 */
class ExportCliIT {
    static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static final String AAGUID = "fbfc3007-154e-4ecc-8c0b-6e020557d7bd";
    private static final int PLAIN_USERS = 520; // more than one page of 500

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void exports_every_user_and_authenticator_and_guards_secrets(Backend backend) throws IOException {
        try (TestServer server = TestServer.start(backend, tempDir)) {
            CliRunner.Run created = CliRunner.run(server, "tenant", "create", "--name", "acme", "--json");
            assertThat(created.code()).as(created.err()).isZero();
            JsonNode tenant = Json.MAPPER.readTree(created.out());
            String tenantId = tenant.path("tenantId").asString();
            Api api = new Api(server.baseUrl(), tenant.path("secretKey").asString());

            String credentialId = Passkeys.credentialId();
            String publicKey = Passkeys.es256PublicKey();
            List<String> recoveryCodes = enrollEveryKind(api, "user-all", credentialId, publicKey);
            for (int i = 0; i < PLAIN_USERS; i++) {
                assertThat(api.patch("/v1/users/plain-" + i, Map.of("email", "p" + i + "@example.com")).status())
                        .isEqualTo(200);
            }

            Path plain = tempDir.resolve("plain.jsonl");
            CliRunner.Run run = CliRunner.run(server, "export", "--tenant", tenantId, "--out", plain.toString());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.err()).contains("Exported " + (PLAIN_USERS + 1) + " users");
            String text = Files.readString(plain);
            List<JsonNode> lines = validLines(text);
            assertThat(lines).hasSize(PLAIN_USERS + 1);
            assertThat(lines.stream().map(l -> l.path("userId").asString()).distinct()).hasSize(PLAIN_USERS + 1);
            JsonNode all = byId(lines, "user-all");
            assertThat(all.path("email").asString()).isEqualTo("jane@example.com");
            assertThat(all.path("username").asString()).isEqualTo("jane");
            assertThat(all.path("custom").path("plan").asString()).isEqualTo("gold");
            assertThat(all.path("authenticators").findValuesAsString("verificationMethod")).containsExactlyInAnyOrder(
                    "SMS", "EMAIL_OTP", "EMAIL_MAGIC_LINK", "WHATSAPP", "AUTHENTICATOR_APP", "PASSKEY");
            JsonNode totp = method(all, "AUTHENTICATOR_APP").path("totp");
            assertThat(totp.path("algorithm").asString()).isEqualTo("SHA1");
            assertThat(totp.path("digits").asInt()).isEqualTo(6);
            assertThat(totp.path("period").asInt()).isEqualTo(30);
            assertThat(totp.has("secret")).isFalse();
            JsonNode passkey = method(all, "PASSKEY").path("passkey");
            assertThat(passkey.path("credentialId").asString()).isEqualTo(credentialId);
            assertThat(passkey.path("publicKey").asString()).as("a public key is not a secret").isEqualTo(publicKey);
            assertThat(passkey.path("aaguid").asString()).isEqualTo(AAGUID);
            assertThat(all.path("recoveryCodes").path("remaining").asInt()).isEqualTo(recoveryCodes.size());
            assertThat(all.path("recoveryCodes").has("hashes")).isFalse();
            assertThat(text).doesNotContain(TOTP_SECRET).doesNotContain(recoveryCodes.getFirst());
            assertThat(text).doesNotContain(recoveryHashes(server).getFirst()).doesNotContain("v1.");

            Path passphrase = tempDir.resolve("phrase");
            Files.writeString(passphrase, "correct horse battery staple\n");
            Path sealed = tempDir.resolve("secrets.enc");
            run = CliRunner.run(server, "export", "--tenant", tenantId, "--out", sealed.toString(),
                    "--include-secrets", "--passphrase-file", passphrase.toString());
            assertThat(run.code()).as(run.err()).isZero();
            byte[] bytes = Files.readAllBytes(sealed);
            assertThat(ExportCipher.isEncrypted(bytes)).isTrue();
            assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain(TOTP_SECRET)
                    .doesNotContain(publicKey).doesNotContain("user-all");

            String decrypted;
            try (InputStream in = ExportCipher.decrypting(Files.newInputStream(sealed),
                    "correct horse battery staple".toCharArray())) {
                decrypted = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            JsonNode withSecrets = byId(validLines(decrypted), "user-all");
            assertThat(method(withSecrets, "AUTHENTICATOR_APP").path("totp").path("secret").asString())
                    .isEqualTo(TOTP_SECRET);
            assertThat(method(withSecrets, "PASSKEY").path("passkey").path("publicKey").asString()).isEqualTo(publicKey);
            assertThat(withSecrets.path("recoveryCodes").path("hashes").valueStream().map(JsonNode::asString))
                    .containsExactlyInAnyOrderElementsOf(recoveryHashes(server));

            Path wrong = tempDir.resolve("wrong");
            Files.writeString(wrong, "not the passphrase at all\n");
            Path out = tempDir.resolve("decrypted.jsonl");
            run = CliRunner.run("decrypt-export", sealed.toString(), "--out", out.toString(),
                    "--passphrase-file", wrong.toString());
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains("wrong passphrase");
            assertThat(out).doesNotExist();
            run = CliRunner.run("decrypt-export", sealed.toString(), "--out", out.toString(),
                    "--passphrase-file", passphrase.toString());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(Files.readString(out)).isEqualTo(decrypted);

            Path clear = tempDir.resolve("clear.jsonl");
            run = CliRunner.run(server, "export", "--tenant", tenantId, "--out", clear.toString(),
                    "--include-secrets", "--plaintext");
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(Files.readString(clear)).contains(TOTP_SECRET).isEqualTo(decrypted);

            assertThat(CliRunner.run(server, "export", "--tenant", tenantId, "--out", clear.toString(), "--plaintext")
                    .code()).as("--plaintext without secrets is a usage error").isEqualTo(2);
            run = CliRunner.run(server, "export", "--tenant", "no-such-tenant", "--out", clear.toString());
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains("no tenant no-such-tenant");
        }
    }

    /** One user with every kind the Server API enrolls, and attributes; returns the recovery codes issued. */
    static List<String> enrollEveryKind(Api api, String userId, String credentialId, String publicKey) {
        assertThat(api.patch("/v1/users/" + userId, Map.of("email", "jane@example.com", "username", "jane",
                "custom", Map.of("plan", "gold"))).status()).isEqualTo(200);
        String path = "/v1/users/" + userId + "/authenticators";
        ApiResponse first = api.post(path, Map.of("verificationMethod", "SMS", "phoneNumber", "+64271234567"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        List<String> codes = first.json().path("recoveryCodes").valueStream().map(JsonNode::asString).toList();
        assertThat(codes).isNotEmpty();
        List<Map<String, Object>> others = new ArrayList<>(List.of(
                Map.of("verificationMethod", "EMAIL_OTP", "email", "jane@example.com"),
                Map.of("verificationMethod", "EMAIL_MAGIC_LINK", "email", "jane.link@example.com"),
                Map.of("verificationMethod", "WHATSAPP", "phoneNumber", "+64271234568"),
                Map.of("verificationMethod", "AUTHENTICATOR_APP",
                        "otpUri", "otpauth://totp/Acme:jane?secret=" + TOTP_SECRET + "&issuer=Acme"),
                Map.of("verificationMethod", "PASSKEY", "credentialId", credentialId,
                        "credentialPublicKey", publicKey, "aaguid", AAGUID)));
        for (Map<String, Object> body : others) {
            ApiResponse r = api.post(path, body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(200);
        }
        return codes;
    }

    private static List<String> recoveryHashes(TestServer server) {
        return server.app().database().read(jdbc -> jdbc.query(
                "SELECT code_hash FROM recovery_codes WHERE user_id = ?", r -> r.string("code_hash"), "user-all"));
    }

    /** Every line parsed and checked against docs/export-schema.json; one user per line. */
    static List<JsonNode> validLines(String text) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            JsonNode node = Json.MAPPER.readTree(line);
            assertThat(ExportSchema.problems(node)).as(line).isEmpty();
            lines.add(node);
        }
        return lines;
    }

    private static JsonNode byId(List<JsonNode> lines, String userId) {
        return lines.stream().filter(l -> l.path("userId").asString().equals(userId)).findFirst().orElseThrow();
    }

    private static JsonNode method(JsonNode user, String method) {
        for (JsonNode a : user.path("authenticators")) {
            if (a.path("verificationMethod").asString().equals(method)) {
                return a;
            }
        }
        throw new AssertionError("no " + method + " in " + user);
    }

}
