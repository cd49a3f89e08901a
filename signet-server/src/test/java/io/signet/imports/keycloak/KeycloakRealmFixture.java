package io.signet.imports.keycloak;

import com.webauthn4j.data.attestation.authenticator.RSACOSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import io.signet.testing.Es256Keys;
import io.signet.wire.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Keycloak 26 realm export ({@code kc.sh export --realm acme --users realm_file}) written at test time from
 * Keycloak's documented representations (RealmRepresentation, UserRepresentation, CredentialRepresentation with
 * OTPCredentialModel / WebAuthnCredentialModel / RecoveryAuthnCodesCredentialModel / PasswordCredentialModel
 * data as JSON strings), with passkey key pairs generated here so a test can sign with the private halves. The
 * COSE keys are CBOR-encoded by webauthn4j and base64url'd, credential ids standard-base64'd with padding,
 * exactly as Keycloak's CredentialPublicKeyConverter and WebAuthnCredentialProvider store them.
 *
 * <p>Users: alice (TOTP with Keycloak's default raw secret, a passwordless passkey (ES256), password, recovery
 * codes, phone and roles), bob (TOTP with a BASE32 secret, HmacSHA256, 8 digits, 60 s; a second-factor security
 * key (RS256); HOTP; a phone in national form; a Google link), carol (disabled), a service account, dave
 * (password, an unknown credential type, a multi-valued attribute, a pending required action), erin (an
 * invalid email); and a federated user.
 */
public final class KeycloakRealmFixture {
    public static final String ALICE = "8f1c2c6e-3c1f-4a59-9d0e-0c6b1b7f5a01";
    public static final String BOB = "2b7e4d10-6f0a-4d3e-8a55-7d3f4e2a9b02";
    public static final String CAROL = "c3a0e5f1-1d2b-4c3d-9e4f-5a6b7c8d9e03";
    public static final String DAVE = "d4b1f6a2-2e3c-4d4e-8f5a-6b7c8d9e0f04";
    public static final String ERIN = "e5c2a7b3-3f4d-4e5f-9a6b-7c8d9e0f1a05";
    public static final String SERVICE = "f6d3b8c4-4a5e-4f6a-8b7c-8d9e0f1a2b06";
    /** Keycloak's default: HmacOTP.generateSecret(20), 20 characters used as raw UTF-8 key bytes. */
    public static final String ALICE_TOTP_SECRET = "kJ8pQz2LmN4xR7tV9wYb";
    /** Set through the admin API with secretEncoding BASE32 (as the Keycloak operator docs show). */
    public static final String BOB_TOTP_SECRET_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    /** A credential id whose standard base64 has '+', '/' and padding, which base64url does not. */
    public static final byte[] ALICE_CREDENTIAL_ID = bytes(0xfb, 0xff, 0xbf, 0x3e, 0x10, 0x21, 0x32, 0x43, 0x54, 0x65, 0x76,
            0x87, 0x98, 0xa9, 0xba, 0xcb, 0xdc, 0xed, 0xfe, 0x0f);
    public static final byte[] BOB_CREDENTIAL_ID = bytes(0x01, 0x12, 0x23, 0x34, 0x45, 0x56, 0x67, 0x78, 0x89, 0x9a, 0xab,
            0xbc, 0xcd, 0xde, 0xef, 0xf0, 0x0f, 0x1e);
    public static final long T0 = 1_717_200_000_000L;

    public final KeyPair alicePasskey = Es256Keys.generate();
    public final KeyPair bobSecurityKey = rsa();

    /** Writes the realm file to {@code file} and returns it. */
    public Path write(Path file) throws IOException {
        Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(realm()),
                StandardCharsets.UTF_8);
        return file;
    }

    /** A users file ({@code --users same_file}): {@code {"realm": ..., "users": [...], "federatedUsers": [...]}}. */
    Path writeUsersFile(Path file) throws IOException {
        ObjectNode realm = realm();
        ObjectNode usersFile = Json.MAPPER.createObjectNode().put("realm", "acme");
        usersFile.set("users", realm.get("users"));
        usersFile.set("federatedUsers", realm.get("federatedUsers"));
        Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(usersFile));
        return file;
    }

    ObjectNode realm() {
        ObjectNode realm = Json.MAPPER.createObjectNode();
        realm.put("id", "0a1b2c3d-acme").put("realm", "acme").put("displayName", "Acme Corp").put("enabled", true);
        realm.put("sslRequired", "external").put("otpPolicyType", "totp").put("otpPolicyAlgorithm", "HmacSHA1");
        realm.put("otpPolicyDigits", 6).put("otpPolicyPeriod", 30).put("webAuthnPolicyRpId", "")
                .put("webAuthnPolicyPasswordlessRpId", "login.acme.example");
        realm.putObject("roles").putArray("realm").addObject().put("name", "admin").put("composite", false);
        realm.putArray("groups").addObject().put("name", "staff").put("path", "/staff");
        realm.putArray("clients").addObject().put("clientId", "backend").put("serviceAccountsEnabled", true)
                .putArray("redirectUris").add("https://acme.example/*");
        ArrayNode users = realm.putArray("users");
        users.add(alice());
        users.add(bob());
        users.add(user(CAROL, "carol", "carol@acme.example", T0 + 3).put("enabled", false)
                .set("credentials", Json.MAPPER.createArrayNode().add(otp("c-otp", ALICE_TOTP_SECRET, null, "HmacSHA1",
                        6, 30, T0 + 3))));
        ObjectNode service = user(SERVICE, "service-account-backend", null, T0 + 4);
        service.put("serviceAccountClientId", "backend");
        users.add(service);
        ObjectNode dave = user(DAVE, "dave", "dave@acme.example", T0 + 5);
        dave.putObject("attributes").putArray("tags").add("blue").add("green");
        dave.putArray("requiredActions").add("CONFIGURE_TOTP");
        dave.putArray("credentials").add(password("d-pw", T0 + 5))
                .add(credential("d-x509", "x509-cert", T0 + 6, "{}", "{}"));
        users.add(dave);
        users.add(user(ERIN, "erin", "erin@@acme.example", T0 + 7));
        realm.putArray("federatedUsers").addObject().put("id", "ldap-frank")
                .putArray("credentials").add(otp("f-otp", "frankfrankfrankfrank", null, "HmacSHA1", 6, 30, T0));
        realm.putArray("authenticationFlows").addObject().put("alias", "browser").put("topLevel", true);
        realm.put("keycloakVersion", "26.0.5");
        return realm;
    }

    private ObjectNode alice() {
        ObjectNode alice = user(ALICE, "alice", "Alice@Acme.example", T0 + 1).put("firstName", "Alice")
                .put("lastName", "Liddell").put("totp", true);
        ObjectNode attributes = alice.putObject("attributes");
        attributes.putArray("phone_number").add("+64 21 555 0100");
        attributes.putArray("phone_number_verified").add("true");
        attributes.putArray("locale").add("en");
        attributes.putArray("department").add("sales");
        alice.putArray("realmRoles").add("default-roles-acme").add("offline_access").add("admin");
        alice.putArray("groups").add("/staff");
        alice.putObject("clientRoles").putArray("account").add("manage-account");
        ArrayNode credentials = alice.putArray("credentials");
        credentials.add(password("a-pw", T0 + 10));
        credentials.add(webauthn("a-passkey", "webauthn-passwordless", "Alice's phone", ALICE_CREDENTIAL_ID,
                Es256Keys.cosePublicKey(alicePasskey), 7, List.of("internal", "hybrid"), T0 + 30));
        credentials.add(otp("a-otp", ALICE_TOTP_SECRET, null, "HmacSHA1", 6, 30, T0 + 20));
        credentials.add(credential("a-codes", "recovery-authn-codes", T0 + 40,
                "{\"codes\":[{\"number\":1,\"encodedHashedValue\":\"3q2+7w==\"}]}",
                "{\"hashIterations\":1,\"algorithm\":\"SHA-512\",\"totalCodes\":12,\"remainingCodes\":12}"));
        return alice;
    }

    private ObjectNode bob() {
        ObjectNode bob = user(BOB, "bob", "bob@acme.example", T0 + 2).put("firstName", "Bob");
        bob.putObject("attributes").putArray("phoneNumber").add("021 555 0101");
        bob.putArray("federatedIdentities").addObject().put("identityProvider", "google").put("userId", "1089")
                .put("userName", "bob@gmail.example");
        byte[] rsaCose = Es256Keys.cbor(RSACOSEKey.create((RSAPublicKey) bobSecurityKey.getPublic(),
                COSEAlgorithmIdentifier.RS256));
        bob.putArray("credentials")
                .add(otp("b-otp", BOB_TOTP_SECRET_BASE32, "BASE32", "HmacSHA256", 8, 60, T0 + 50))
                .add(webauthn("b-key", "webauthn", "YubiKey", BOB_CREDENTIAL_ID, rsaCose, 0, List.of(), T0 + 60))
                .add(credential("b-hotp", "otp", T0 + 70, "{\"value\":\"hotphotphotphotphotp\"}",
                        "{\"subType\":\"hotp\",\"digits\":6,\"counter\":3,\"period\":0,\"algorithm\":\"HmacSHA1\"}"));
        return bob;
    }

    private static ObjectNode user(String id, String username, String email, long created) {
        ObjectNode u = Json.MAPPER.createObjectNode().put("id", id).put("username", username).put("enabled", true)
                .put("createdTimestamp", created).put("totp", false).put("emailVerified", email != null);
        if (email != null) {
            u.put("email", email);
        }
        u.putArray("disableableCredentialTypes");
        u.putArray("requiredActions");
        u.putArray("realmRoles").add("default-roles-acme");
        u.put("notBefore", 0);
        u.putArray("groups");
        return u;
    }

    static ObjectNode otp(String id, String secret, String encoding, String algorithm, int digits, int period,
                          long created) {
        String encodingField = encoding == null ? "" : ",\"secretEncoding\":\"" + encoding + "\"";
        return credential(id, "otp", created, "{\"value\":\"" + secret + "\"}", "{\"subType\":\"totp\",\"digits\":"
                + digits + ",\"counter\":0,\"period\":" + period + ",\"algorithm\":\"" + algorithm + "\"" + encodingField + "}");
    }

    private static ObjectNode webauthn(String id, String type, String label, byte[] credentialId, byte[] cose,
                                       long counter, List<String> transports, long created) {
        ObjectNode data = Json.MAPPER.createObjectNode().put("aaguid", "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4")
                .put("credentialId", Base64.getEncoder().encodeToString(credentialId)).put("counter", counter)
                .put("credentialPublicKey", Base64.getUrlEncoder().withoutPadding().encodeToString(cose))
                .put("attestationStatementFormat", "none");
        transports.forEach(data.putArray("transports")::add);
        return credential(id, type, created, "{}", Json.write(data)).put("userLabel", label);
    }

    private static ObjectNode password(String id, long created) {
        return credential(id, "password", created, "{\"value\":\"" + Base64.getEncoder().encodeToString(
                        "not-a-real-hash".getBytes(StandardCharsets.UTF_8)) + "\",\"salt\":\"c2FsdA==\",\"additionalParameters\":{}}",
                "{\"hashIterations\":27500,\"algorithm\":\"pbkdf2-sha256\",\"additionalParameters\":{}}");
    }

    private static ObjectNode credential(String id, String type, long created, String secretData, String credentialData) {
        return Json.MAPPER.createObjectNode().put("id", credentialId(id)).put("type", type).put("createdDate", created)
                .put("secretData", secretData).put("credentialData", credentialData).put("priority", 10);
    }

    /** Keycloak's credential ids are UUIDs; the fixture names them and derives one from the name. */
    public static String credentialId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
