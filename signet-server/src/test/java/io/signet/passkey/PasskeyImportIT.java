package io.signet.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.cli.CliRunner;
import io.signet.crypto.RandomTokens;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.ClientApi;
import io.signet.testing.TestDatabases;
import io.signet.testing.TestServer;
import io.signet.wire.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The export/import round trip for passkeys: a passkey registered through the Client API on server A (by the software
 * authenticator, with its backup flags, transports and user handle) is exported, imported into server B, which
 * has another data key (a public key needs none), and signs in there through {@code /v1/client/verify/passkey}:
 * B verifies a signature made with the private key only the test holds against the imported public key.
 */
class PasskeyImportIT {
    private static final String ORIGIN = "http://localhost:3000";
    private static final String PASSKEY = "/user-authenticators/passkey";

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void a_passkey_registered_on_one_signet_signs_in_on_another_after_export_and_import(Backend backend)
            throws IOException {
        SoftAuthenticator authenticator = new SoftAuthenticator();
        Path file = tempDir.resolve("passkeys.jsonl");
        SoftAuthenticator.Credential credential;
        JsonNode exported;
        try (TestServer a = TestServer.start(backend, tempDir)) {
            String tenantA = relyingParty(a.api());
            String token = ok(a.api().post("/v1/users/pk-user/actions/signUp", Map.of())).path("token").asString();
            ClientApi page = ClientApi.bearer(a.baseUrl(), token).from(ORIGIN);
            JsonNode options = ok(page.post(PASSKEY + "/registration-options", Map.of("username", "alice@example.com")));
            credential = authenticator.newCredential("localhost", Base64.getUrlDecoder().decode(
                    options.path("options").path("user").path("id").asString()));
            ok(page.post(PASSKEY, Map.of("challengeId", options.path("challengeId").asString(),
                    "registrationCredential", authenticator.registrationResponse(credential,
                            options.path("options").path("challenge").asString(), ORIGIN))));
            assertThat(signIn(authenticator, a, tenantA, credential)).isEqualTo("pk-user");
            CliRunner.Run run = CliRunner.run(a, "export", "--tenant", tenantA, "--out", file.toString());
            assertThat(run.code()).as(run.err()).isZero();
            exported = passkey(Files.readString(file));
            assertThat(exported.path("signCount").asLong()).isEqualTo(1);
            assertThat(exported.path("backupEligible").asBoolean()).isTrue();
            assertThat(exported.path("userHandle").asString()).isNotBlank();
            assertThat(exported.path("transports")).isNotEmpty();
        }

        String url = TestDatabases.fresh(backend, tempDir);
        try (TestServer b = TestServer.startOn(url, RandomTokens.bytes(32), Map.of(), Clock.systemUTC())) {
            String tenantB = relyingParty(b.api());
            CliRunner.Run run = CliRunner.run(b, "import", file.toString(), "--tenant", tenantB);
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("created").contains("1");
            Path again = tempDir.resolve("again.jsonl");
            assertThat(CliRunner.run(b, "export", "--tenant", tenantB, "--out", again.toString()).code()).isZero();
            assertThat(passkey(Files.readString(again))).as("credential id, key, counter, AAGUID, flags, transports, "
                    + "user handle").isEqualTo(exported);

            assertThat(signIn(authenticator, b, tenantB, credential)).as("signed in on B with A's credential")
                    .isEqualTo("pk-user");
            credential.signCount = 0; // a cloned authenticator replaying an old counter is still refused on B
            authenticator.counting = true;
            ApiResponse cloned = signInResponse(authenticator, b, tenantB, credential);
            assertThat(cloned.json().path("isVerified").asBoolean(false)).isFalse();
        } finally {
            TestDatabases.dropIfPostgres(url);
        }
    }

    /** The default tenant as the relying party localhost for the test page; returns the tenant id. */
    static String relyingParty(Api api) {
        return ok(api.patch("/admin/v1/settings", Map.of("rpId", "localhost", "rpName", "Signet test",
                "expectedOrigins", List.of(ORIGIN)))).path("tenantId").asString();
    }

    /** A usernameless sign-in with {@code credential}; returns the user it signed in. */
    static String signIn(SoftAuthenticator authenticator, TestServer server, String tenantId,
                                 SoftAuthenticator.Credential credential) {
        JsonNode verified = ok(signInResponse(authenticator, server, tenantId, credential));
        assertThat(verified.path("isVerified").asBoolean()).isTrue();
        return verified.path("userId").asString();
    }

    static ApiResponse signInResponse(SoftAuthenticator authenticator, TestServer server, String tenantId,
                                              SoftAuthenticator.Credential credential) {
        ClientApi page = ClientApi.tenant(server.baseUrl(), tenantId).from(ORIGIN);
        JsonNode options = ok(page.post(PASSKEY + "/authentication-options", Map.of()));
        return page.post("/verify/passkey", Map.of("challengeId", options.path("challengeId").asString(),
                "authenticationCredential", authenticator.assertion(credential,
                        options.path("options").path("challenge").asString(), ORIGIN)));
    }

    private static JsonNode passkey(String export) {
        JsonNode line = Json.MAPPER.readTree(export.lines().filter(l -> l.contains("pk-user")).findFirst().orElseThrow());
        return line.path("authenticators").get(0).path("passkey");
    }

    private static JsonNode ok(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
