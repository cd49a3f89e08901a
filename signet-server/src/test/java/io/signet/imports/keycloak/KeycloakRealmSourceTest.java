package io.signet.imports.keycloak;

import static io.signet.imports.keycloak.KeycloakRealmFixture.credentialId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import io.signet.imports.ImportLine;
import io.signet.testing.ExportSchema;
import io.signet.testing.Rfc6238;
import io.signet.wire.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The Keycloak reader against a realm export built from Keycloak's documented format: every produced line is a
 * valid export line, each credential kind maps (or is reported) as Keycloak's own code reads it, the TOTP codes
 * an authenticator app shows for the Keycloak secret are the codes of the carried secret, and each passkey's
 * carried COSE key verifies a signature made with the private key the fixture generated.
 */
class KeycloakRealmSourceTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private final KeycloakRealmFixture fixture = new KeycloakRealmFixture();
    private final List<NotCarried> report = new ArrayList<>();

    @TempDir
    Path dir;

    @Test
    void every_line_is_a_valid_export_line_and_only_importable_users_come_out() throws Exception {
        List<ImportLine> lines = read(fixture.write(dir.resolve("acme-realm.json")));
        for (ImportLine line : lines) {
            assertThat(ExportSchema.problems(line.user())).as(line.user().toString()).isEmpty();
        }
        assertThat(lines).extracting(l -> l.user().path("userId").asString())
                .containsExactly(KeycloakRealmFixture.ALICE, KeycloakRealmFixture.BOB, KeycloakRealmFixture.DAVE,
                        KeycloakRealmFixture.ERIN);
    }

    @Test
    void user_attributes_map_to_signet_fields() throws Exception {
        JsonNode alice = user(KeycloakRealmFixture.ALICE);
        assertThat(alice.path("username").asString()).isEqualTo("alice");
        assertThat(alice.path("email").asString()).isEqualTo("Alice@Acme.example");
        assertThat(alice.path("emailVerified").asBoolean()).isTrue();
        assertThat(alice.path("phoneNumber").asString()).isEqualTo("+64215550100");
        assertThat(alice.path("phoneNumberVerified").asBoolean()).isTrue();
        assertThat(alice.path("displayName").asString()).isEqualTo("Alice Liddell");
        assertThat(alice.path("locale").asString()).isEqualTo("en");
        assertThat(alice.path("custom")).isEqualTo(Json.MAPPER.valueToTree(Map.of("firstName", "Alice", "lastName", "Liddell", "department", "sales")));
        assertThat(alice.path("createdAt").asString()).isEqualTo(Instant.ofEpochMilli(KeycloakRealmFixture.T0 + 1).toString());
        assertThat(alice.path("authenticators")).extracting(a -> a.path("verificationMethod").asString())
                .as("creation order: the OTP (T0+20) before the passkey (T0+30)")
                .containsExactly("AUTHENTICATOR_APP", "PASSKEY");
        JsonNode bob = user(KeycloakRealmFixture.BOB);
        assertThat(bob.has("phoneNumber")).isFalse();
        assertThat(bob.path("phoneNumberVerified").asBoolean()).isFalse();
        assertThat(user(KeycloakRealmFixture.ERIN).has("email")).isFalse();
        assertThat(user(KeycloakRealmFixture.ERIN).path("emailVerified").asBoolean()).isFalse();
    }

    @Test
    void a_default_keycloak_totp_secret_is_its_utf8_bytes_and_codes_match() throws Exception {
        JsonNode totp = authenticator(user(KeycloakRealmFixture.ALICE), credentialId("a-otp")).path("totp");
        assertThat(totp.path("algorithm").asString()).isEqualTo("SHA1");
        assertThat(totp.path("issuer").asString()).isEqualTo("Acme Corp");
        assertThat(totp.path("account").asString()).isEqualTo("alice");
        byte[] keycloakKey = KeycloakRealmFixture.ALICE_TOTP_SECRET.getBytes(StandardCharsets.UTF_8);
        for (long offset = -2; offset <= 2; offset++) {
            // What Keycloak's TimeBasedOTP checks (and the user's app shows) against what the carried secret gives.
            assertThat(Rfc6238.code(Rfc6238.decode(totp.path("secret").asString()), "HmacSHA1", 6, 30, NOW, offset))
                    .isEqualTo(Rfc6238.code(keycloakKey, "HmacSHA1", 6, 30, NOW, offset));
        }
    }

    @Test
    void a_base32_encoded_keycloak_secret_is_decoded_and_its_parameters_kept() throws Exception {
        JsonNode totp = authenticator(user(KeycloakRealmFixture.BOB), credentialId("b-otp")).path("totp");
        assertThat(totp.path("algorithm").asString()).isEqualTo("SHA256");
        assertThat(totp.path("digits").asInt()).isEqualTo(8);
        assertThat(totp.path("period").asInt()).isEqualTo(60);
        assertThat(totp.path("secret").asString()).isEqualTo(KeycloakRealmFixture.BOB_TOTP_SECRET_BASE32);
        assertThat(Rfc6238.code(Rfc6238.decode(totp.path("secret").asString()), "HmacSHA256", 8, 60, NOW, 0))
                .isEqualTo(Rfc6238.code("12345678901234567890".getBytes(StandardCharsets.US_ASCII), "HmacSHA256", 8, 60,
                        NOW, 0));
    }

    @Test
    void passkeys_keep_their_credential_id_and_a_cose_key_that_verifies_the_private_keys_signature() throws Exception {
        JsonNode alice = authenticator(user(KeycloakRealmFixture.ALICE), credentialId("a-passkey")).path("passkey");
        assertThat(Base64.getUrlDecoder().decode(alice.path("credentialId").asString()))
                .isEqualTo(KeycloakRealmFixture.ALICE_CREDENTIAL_ID);
        assertThat(alice.path("algorithm").asLong()).isEqualTo(-7);
        assertThat(alice.path("signCount").asLong()).isEqualTo(7);
        assertThat(alice.path("name").asString()).isEqualTo("Alice's phone");
        assertThat(alice.path("aaguid").asString()).isEqualTo("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4");
        assertThat(alice.path("transports")).extracting(JsonNode::asString).containsExactly("hybrid", "internal");
        assertThat(Base64.getUrlDecoder().decode(alice.path("userHandle").asString()))
                .as("the user.id Keycloak's WebAuthnRegister sent: UTF-8 of the user id")
                .isEqualTo(KeycloakRealmFixture.ALICE.getBytes(StandardCharsets.UTF_8));
        assertSigns(alice, fixture.alicePasskey, "SHA256withECDSA");

        JsonNode bob = authenticator(user(KeycloakRealmFixture.BOB), credentialId("b-key")).path("passkey");
        assertThat(Base64.getUrlDecoder().decode(bob.path("credentialId").asString()))
                .isEqualTo(KeycloakRealmFixture.BOB_CREDENTIAL_ID);
        assertThat(bob.path("algorithm").asLong()).isEqualTo(-257);
        assertThat(bob.has("transports")).isFalse();
        assertSigns(bob, fixture.bobSecurityKey, "SHA256withRSA");
    }

    @Test
    void everything_left_behind_is_reported_with_its_user_and_reason() throws Exception {
        read(fixture.write(dir.resolve("acme-realm.json")));
        assertThat(report).extracting(NotCarried::username, NotCarried::what).containsExactlyInAnyOrder(
                tuple("alice", "credential password"),
                tuple("alice", "credential recovery-authn-codes"),
                tuple("alice", "groups and roles"),
                tuple("bob", "attribute phoneNumber"),
                tuple("bob", "credential otp (hotp)"),
                tuple("bob", "identity provider link"),
                tuple("carol", "user (disabled)"),
                tuple("service-account-backend", "user (service account)"),
                tuple("dave", "credential password"),
                tuple("dave", "credential x509-cert"),
                tuple("dave", "attribute tags"),
                tuple("dave", "required actions"),
                tuple("erin", "email"),
                tuple(null, "user (federated)"));
        NotCarried roles = report.stream().filter(n -> n.what().equals("groups and roles")).findFirst().orElseThrow();
        assertThat(roles.reason()).contains("group /staff", "role admin", "role account/manage-account")
                .doesNotContain("default-roles-acme", "offline_access");
        assertThat(report).allSatisfy(n -> assertThat(n.reason()).doesNotContain(KeycloakRealmFixture.ALICE_TOTP_SECRET,
                "hotphotp", "bm90LWEtcmVhbC1oYXNo"));
    }

    @Test
    void line_numbers_point_at_the_users_object_in_the_file() throws Exception {
        Path file = fixture.write(dir.resolve("acme-realm.json"));
        List<String> text = Files.readAllLines(file);
        for (ImportLine line : read(file)) {
            String userId = line.user().path("userId").asString();
            // Keycloak pretty-prints like Jackson: `"users" : [ {` for the first user, `}, {` for the next ones.
            assertThat(text.get((int) line.number() - 1)).endsWith("{");
            assertThat(text.get((int) line.number())).contains("\"id\" : \"" + userId + "\"");
        }
    }

    @Test
    void users_on_one_line_still_get_growing_numbers_for_resume() throws Exception {
        Path compact = dir.resolve("compact.json");
        Files.writeString(compact, Json.write(fixture.realm()));
        // carol (3) and the service account (4) are numbered too, and reported rather than imported
        assertThat(read(compact)).extracting(ImportLine::number).containsExactly(1L, 2L, 5L, 6L);
    }

    @Test
    void a_users_file_and_a_whole_server_export_read_the_same_users() throws Exception {
        List<String> fromRealm = ids(read(fixture.write(dir.resolve("acme-realm.json"))));
        report.clear();
        assertThat(ids(read(fixture.writeUsersFile(dir.resolve("acme-users-0.json"))))).isEqualTo(fromRealm);
        Path server = dir.resolve("all.json");
        Files.writeString(server, "[" + Json.write(Json.MAPPER.createObjectNode().put("realm", "master"))
                + "," + Json.write(fixture.realm()) + "]");
        assertThat(ids(read(server))).isEqualTo(fromRealm);
    }

    @Test
    void notices_name_the_passkey_rp_id_and_users_kept_in_other_files() throws Exception {
        try (KeycloakRealmSource source = KeycloakRealmSource.open(fixture.write(dir.resolve("r.json")), report::add, NOW)) {
            double before = source.fractionRead();
            while (source.hasNext()) {
                source.next();
            }
            assertThat(before).isZero();
            assertThat(source.fractionRead()).isEqualTo(1.0);
            assertThat(source.notices()).singleElement().asString().contains("login.acme.example");
        }
        Path realmOnly = dir.resolve("acme-realm-only.json");
        Files.writeString(realmOnly, "{\"realm\": \"acme\", \"clients\": [{\"clientId\": \"x\"}]}");
        try (KeycloakRealmSource source = KeycloakRealmSource.open(realmOnly, report::add, NOW)) {
            assertThat(source.hasNext()).isFalse();
            assertThat(source.notices()).singleElement().asString().contains("REALM-users-N.json");
        }
    }

    @Test
    void other_files_are_refused_with_a_reason() throws Exception {
        Path signet = dir.resolve("signet.jsonl");
        Files.writeString(signet, "{\"schemaVersion\":1,\"userId\":\"u1\"}\n{\"schemaVersion\":1,\"userId\":\"u2\"}\n");
        assertThatThrownBy(() -> read(signet)).hasMessageContaining("--from signet");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"realm\": \"acme\",\n \"users\": [{\"id\": \"x\",}]}");
        assertThatThrownBy(() -> read(broken)).hasMessageContaining("not valid JSON near line 2");
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"name\": \"not keycloak\"}");
        assertThatThrownBy(() -> read(other)).hasMessageContaining("not a Keycloak realm export");
    }

    private void assertSigns(JsonNode passkey, KeyPair keys, String algorithm) throws Exception {
        COSEKey cose = new ObjectConverter().getCborMapper()
                .readValue(Base64.getUrlDecoder().decode(passkey.path("publicKey").asString()), COSEKey.class);
        byte[] message = "authenticatorData || SHA-256(clientDataJSON)".getBytes(StandardCharsets.UTF_8);
        assertThat(verify(cose.getPublicKey(), algorithm, message, sign(keys.getPrivate(), algorithm, message))).isTrue();
        assertThat(verify(cose.getPublicKey(), algorithm, "another message".getBytes(StandardCharsets.UTF_8),
                sign(keys.getPrivate(), algorithm, message))).isFalse();
    }

    private static byte[] sign(PrivateKey key, String algorithm, byte[] message) throws Exception {
        Signature s = Signature.getInstance(algorithm);
        s.initSign(key);
        s.update(message);
        return s.sign();
    }

    private static boolean verify(PublicKey key, String algorithm, byte[] message, byte[] signature) throws Exception {
        Signature s = Signature.getInstance(algorithm);
        s.initVerify(key);
        s.update(message);
        return s.verify(signature);
    }

    private JsonNode user(String id) throws Exception {
        return read(fixture.write(dir.resolve("acme-realm.json"))).stream().map(ImportLine::user)
                .filter(u -> u.path("userId").asString().equals(id)).findFirst().orElseThrow();
    }

    private static JsonNode authenticator(JsonNode user, String id) {
        for (JsonNode a : user.path("authenticators")) {
            if (a.path("authenticatorId").asString().equals(id)) {
                return a;
            }
        }
        throw new AssertionError("no authenticator " + id + " in " + user);
    }

    private List<ImportLine> read(Path file) {
        List<ImportLine> lines = new ArrayList<>();
        try (KeycloakRealmSource source = KeycloakRealmSource.open(file, report::add, NOW)) {
            while (source.hasNext()) {
                lines.add(source.next());
            }
        }
        return lines;
    }

    private static List<String> ids(List<ImportLine> lines) {
        return lines.stream().map(l -> l.user().path("userId").asString()).toList();
    }
}
