package io.signet.passkey;

import static io.signet.imports.keycloak.KeycloakRealmFixture.ALICE;
import static io.signet.imports.keycloak.KeycloakRealmFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.cli.CliRunner;
import io.signet.cli.ImportFixtures;
import io.signet.imports.keycloak.KeycloakRealmFixture;
import io.signet.testing.Api;
import io.signet.testing.Backend;
import io.signet.testing.Rfc6238;
import io.signet.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The Keycloak import end to end: {@code ./signet import --from keycloak} of a realm export built from Keycloak's
 * documented format, through the same importer as a Signet export (dry run, summary, idempotence), on SQLite and
 * PostgreSQL. Afterwards the factors work in Signet: the code an authenticator app shows for the Keycloak secret
 * (raw UTF-8 key, and a BASE32 one with SHA-256, 8 digits, 60 s) verifies through challenge and verify, and the
 * passwordless passkey signs in through {@code /v1/client/verify/passkey} with the private key only the test holds.
 */
class KeycloakImportIT {
    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void a_keycloak_realm_imports_and_its_authenticator_apps_and_passkeys_work_in_signet(Backend backend)
            throws Exception {
        KeycloakRealmFixture fixture = new KeycloakRealmFixture();
        Path realm = fixture.write(tempDir.resolve("acme-realm.json"));
        Path report = tempDir.resolve("acme-realm.json.not-imported.jsonl");
        try (TestServer server = TestServer.start(backend, tempDir)) {
            String tenant = PasskeyImportIT.relyingParty(server.api());
            JsonNode dry = imported(server, realm, tenant, "--dry-run");
            assertThat(dry.path("created").asLong()).isEqualTo(4);
            assertThat(server.api().get("/v1/users/" + ALICE).json().has("email")).as("a dry run writes nothing")
                    .isFalse();
            assertThat(Files.readAllLines(report)).as("the report is written by a dry run too").hasSize(14);

            JsonNode summary = imported(server, realm, tenant);
            assertThat(summary.path("created").asLong()).isEqualTo(4);
            assertThat(summary.path("rejected").asLong()).isZero();
            assertThat(summary.path("notCarriedOver").path("credential password").asLong()).isEqualTo(2);
            assertThat(summary.path("notCarriedOver").path("user (disabled)").asLong()).isEqualTo(1);
            assertThat(summary.path("notices").get(0).asString()).contains("login.acme.example");
            List<JsonNode> left = ImportFixtures.jsonLines(report);
            assertThat(left).hasSize(14).allSatisfy(n -> assertThat(n.path("reason").asString()).isNotBlank());
            assertThat(Files.readString(report)).doesNotContain(KeycloakRealmFixture.ALICE_TOTP_SECRET);
            JsonNode again = imported(server, realm, tenant);
            assertThat(again.path("unchanged").asLong()).as("a second import changes nothing").isEqualTo(4);
            assertThat(again.path("created").asLong() + again.path("updated").asLong()).isZero();

            Api api = server.api();
            JsonNode alice = api.get("/v1/users/" + ALICE).json();
            assertThat(alice.path("email").asString()).isEqualTo("Alice@Acme.example");
            assertThat(alice.path("phoneNumber").asString()).isEqualTo("+64215550100");
            Instant now = Instant.now();
            byte[] keycloakKey = KeycloakRealmFixture.ALICE_TOTP_SECRET.getBytes(StandardCharsets.UTF_8);
            assertThat(ImportFixtures.verifies(api, ALICE, "AUTHENTICATOR_APP",
                    Rfc6238.code(keycloakKey, "HmacSHA1", 6, 30, now, 0))).as("Alice's app, raw Keycloak secret").isTrue();
            assertThat(ImportFixtures.verifies(api, BOB, "AUTHENTICATOR_APP", Rfc6238.code(
                    "12345678901234567890".getBytes(StandardCharsets.US_ASCII), "HmacSHA256", 8, 60, now, 0)))
                    .as("Bob's app, BASE32 secret, SHA-256, 8 digits, 60 s").isTrue();

            SoftAuthenticator phone = new SoftAuthenticator();
            SoftAuthenticator.Credential credential = new SoftAuthenticator.Credential(
                    KeycloakRealmFixture.ALICE_CREDENTIAL_ID, fixture.alicePasskey, "localhost",
                    ALICE.getBytes(StandardCharsets.UTF_8));
            credential.signCount = 7; // Keycloak's counter for it; the next signature counts on from there
            assertThat(PasskeyImportIT.signIn(phone, server, tenant, credential)).as("usernameless sign-in")
                    .isEqualTo(ALICE);
        }
    }

    private static JsonNode imported(TestServer server, Path realm, String tenant, String... extra) {
        String[] args = {"import", "--from", "keycloak", realm.toString(), "--tenant", tenant, "--json"};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        CliRunner.Run run = CliRunner.run(server, all);
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        return ImportFixtures.summary(run);
    }
}
