package io.signet.passkey;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import io.signet.crypto.Sha256;
import io.signet.wire.Json;
import io.signet.testing.Es256Keys;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A software WebAuthn authenticator with ES256 (P-256) keys and {@code none} attestation, producing the
 * exact JSON a browser's {@code navigator.credentials.create/get} gives the SDK (RegistrationResponseJSON,
 * AuthenticationResponseJSON): authenticator data, CBOR attestation object and client data are built by hand
 * here from the WebAuthn spec (§6.1, §6.5, §5.8.1), so the server's webauthn4j parsing is checked against an
 * independent encoder. webauthn4j-test's emulators are not published for 0.32, hence this class.
 */
final class SoftAuthenticator {
    static final UUID AAGUID = UUID.fromString("01020304-0506-0708-0102-030405060708");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte UP = 0x01;
    private static final byte UV = 0x04;
    private static final byte BE = 0x08;
    private static final byte BS = 0x10;
    private static final byte AT = 0x40;

    /** One credential the authenticator holds. */
    static final class Credential {
        final byte[] id;
        final KeyPair keys;
        final String rpId;
        final byte[] userHandle;
        long signCount;

        Credential(byte[] id, KeyPair keys, String rpId, byte[] userHandle) {
            this.id = id;
            this.keys = keys;
            this.rpId = rpId;
            this.userHandle = userHandle;
        }

        String id() {
            return B64.encodeToString(id);
        }

        /** The COSE public key, base64url, as the Server API's credentialPublicKey takes it. */
        String cosePublicKey() {
            return B64.encodeToString(Es256Keys.cosePublicKey(keys));
        }
    }

    /** Behaviour knobs, mutable so one test can tamper with one thing. */
    boolean backupEligible = true;
    boolean backedUp = true;
    boolean userPresent = true;
    /** When false, every signature reports a counter of 0 (as synced passkeys do). */
    boolean counting = true;

    /** Creates a credential for the options' rp and user, as {@code navigator.credentials.create} would. */
    ObjectNode create(JsonNode options, String origin) {
        return create(options, origin, options.path("rp").path("id").asString());
    }

    /** As {@link #create(JsonNode, String)}, binding the credential to {@code rpId} whatever the options say. */
    ObjectNode create(JsonNode options, String origin, String rpId) {
        Credential c = newCredential(rpId, Base64.getUrlDecoder().decode(options.path("user").path("id").asString()));
        return registrationResponse(c, options.path("challenge").asString(), origin);
    }

    Credential newCredential(String rpId, byte[] userHandle) {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        return new Credential(id, Es256Keys.generate(), rpId, userHandle);
    }

    /** RegistrationResponseJSON for {@code c}, signing nothing (attestation {@code none}). */
    ObjectNode registrationResponse(Credential c, String challenge, String origin) {
        byte[] clientData = clientData("webauthn.create", challenge, origin);
        byte[] credentialData = concat(uuidBytes(AAGUID), ByteBuffer.allocate(2).putShort((short) c.id.length).array(),
                c.id, Es256Keys.cosePublicKey(c.keys));
        byte[] authData = authenticatorData(c.rpId, (byte) (flags() | AT), c.signCount, credentialData);
        Map<String, Object> attestation = new LinkedHashMap<>();
        attestation.put("fmt", "none");
        attestation.put("attStmt", Map.of());
        attestation.put("authData", authData);
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("clientDataJSON", B64.encodeToString(clientData));
        response.put("attestationObject", B64.encodeToString(Es256Keys.cbor(attestation)));
        response.putArray("transports").add("internal").add("hybrid");
        response.put("publicKeyAlgorithm", -7);
        ObjectNode json = envelope(c);
        json.set("response", response);
        json.putObject("clientExtensionResults").putObject("credProps").put("rk", true);
        return json;
    }

    /** AuthenticationResponseJSON signing {@code challenge} with {@code c}, as {@code navigator.credentials.get} would. */
    ObjectNode assertion(Credential c, String challenge, String origin) {
        if (counting) {
            c.signCount++;
        }
        byte[] clientData = clientData("webauthn.get", challenge, origin);
        byte[] authData = authenticatorData(c.rpId, flags(), counting ? c.signCount : 0, new byte[0]);
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("clientDataJSON", B64.encodeToString(clientData));
        response.put("authenticatorData", B64.encodeToString(authData));
        response.put("signature", B64.encodeToString(sign(c.keys, concat(authData, Sha256.of(clientData)))));
        response.put("userHandle", B64.encodeToString(c.userHandle));
        ObjectNode json = envelope(c);
        json.set("response", response);
        json.putObject("clientExtensionResults");
        return json;
    }

    private static ObjectNode envelope(Credential c) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", c.id());
        json.put("rawId", c.id());
        json.put("type", "public-key");
        json.put("authenticatorAttachment", "platform");
        return json;
    }

    private byte flags() {
        return (byte) ((userPresent ? UP : 0) | UV | (backupEligible ? BE : 0) | (backedUp ? BS : 0));
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        // Key order and escaping as browsers write it (WebAuthn §5.8.1.1); the server must hash these exact bytes.
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] authenticatorData(String rpId, byte flags, long signCount, byte[] attested) {
        return concat(Sha256.of(rpId.getBytes(StandardCharsets.UTF_8)), new byte[] {flags},
                ByteBuffer.allocate(4).putInt((int) signCount).array(), attested);
    }

    private static byte[] sign(KeyPair keys, byte[] data) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA"); // DER, as WebAuthn ES256 wants
            s.initSign(keys.getPrivate());
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] uuidBytes(UUID u) {
        return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static List<String> ids(JsonNode descriptors) {
        return descriptors.valueStream().map(d -> d.path("id").asString()).toList();
    }
}
