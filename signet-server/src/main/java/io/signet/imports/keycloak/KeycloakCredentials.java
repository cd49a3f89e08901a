package io.signet.imports.keycloak;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import io.signet.authenticator.Base32;
import io.signet.wire.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * One Keycloak credential (CredentialRepresentation: {@code type}, {@code id}, {@code userLabel},
 * {@code createdDate}, and {@code secretData} / {@code credentialData}, JSON documents held as strings) turned
 * into a Signet export-format authenticator, or the reason it cannot be. The encodings are Keycloak's own:
 * <ul>
 * <li>{@code otp}: OTPCredentialModel. The secret is {@code secretData.value}; its HMAC key is the value's
 * UTF-8 bytes unless {@code credentialData.secretEncoding} is {@code BASE32} (OTPCredentialModel.getDecodedSecret),
 * so a default Keycloak secret such as {@code a1B2...} is a key of those ASCII bytes, not base32 text.</li>
 * <li>{@code webauthn}, {@code webauthn-passwordless}: WebAuthnCredentialData. {@code credentialId} is standard
 * base64 with padding (Keycloak's Base64.encodeBytes), {@code credentialPublicKey} base64url of the CBOR
 * COSE_Key (CredentialPublicKeyConverter), and the WebAuthn user.id was base64url of the UTF-8 user id
 * (WebAuthnRegister), which is also the user handle Signet derives for that userId.</li>
 * </ul>
 */
final class KeycloakCredentials {
    /** What became of one credential: an authenticator, or what was left behind and why. */
    sealed interface Outcome {
    }

    record Carried(ObjectNode authenticator) implements Outcome {
    }

    record Left(String what, String reason) implements Outcome {
    }

    private static final Map<String, String> ALGORITHMS = Map.of(
            "HmacSHA1", "SHA1", "HmacSHA256", "SHA256", "HmacSHA512", "SHA512");
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final CBORMapper CBOR = new ObjectConverter().getCborMapper();

    private final String issuer;

    /** {@code issuer}: the realm's display name (or name), as Keycloak shows it in authenticator apps; may be null. */
    KeycloakCredentials(String issuer) {
        this.issuer = issuer;
    }

    Outcome map(JsonNode credential, String userId, String username, int index, Instant userCreated) {
        String type = text(credential, "type");
        if (type == null) {
            return new Left("credential (no type)", "The credential has no 'type'; the export is damaged.");
        }
        return switch (type) {
            case "password" -> new Left("credential password", "Signet has no passwords: the user signs in with "
                    + "the factors that were carried over, or your application keeps checking passwords itself.");
            case "otp" -> otp(credential, username, id(credential, userId, index), created(credential, userCreated));
            case "webauthn", "webauthn-passwordless" -> passkey(credential, type, userId,
                    id(credential, userId, index), created(credential, userCreated));
            case "recovery-authn-codes" -> new Left("credential recovery-authn-codes", "Keycloak keeps its recovery "
                    + "codes as unsalted SHA-512 hashes, which Signet's keyed recovery code hashes cannot check; the "
                    + "user generates new recovery codes in Signet.");
            case "totp", "hotp" -> new Left("credential " + type, "A credential in the format of Keycloak before 7.0 "
                    + "(type '" + type + "' without credentialData); export the realm again from a current Keycloak.");
            default -> new Left("credential " + type, "Signet has no equivalent of Keycloak's '" + type
                    + "' credential.");
        };
    }

    private Outcome otp(JsonNode credential, String username, String id, Instant created) {
        JsonNode data = embedded(credential, "credentialData");
        JsonNode secretData = embedded(credential, "secretData");
        if (data == null || secretData == null) {
            return new Left("credential otp", "The OTP credential has no readable credentialData and secretData.");
        }
        String subType = data.path("subType").asString("totp");
        if (!subType.equals("totp")) {
            return new Left("credential otp (" + subType + ")", "HOTP (counter-based) codes: Signet's authenticator "
                    + "apps are time-based (TOTP); the user enrols an authenticator app again.");
        }
        String algorithm = ALGORITHMS.get(data.path("algorithm").asString("HmacSHA1"));
        if (algorithm == null) {
            return new Left("credential otp", "Unknown OTP algorithm '" + data.path("algorithm").asString()
                    + "' (Keycloak's are HmacSHA1, HmacSHA256, HmacSHA512).");
        }
        byte[] key;
        try {
            key = otpKey(secretData.path("value").asString(""), data.path("secretEncoding").asString(null));
        } catch (IllegalArgumentException e) {
            return new Left("credential otp", "The OTP secret cannot be decoded: " + e.getMessage() + ".");
        }
        ObjectNode totp = Json.MAPPER.createObjectNode();
        if (issuer != null) {
            totp.put("issuer", issuer);
        }
        if (username != null) {
            totp.put("account", username);
        }
        totp.put("algorithm", algorithm);
        totp.put("digits", data.path("digits").asInt(6));
        totp.put("period", data.path("period").asInt(30));
        totp.put("secret", Base32.encode(key));
        ObjectNode a = authenticator(id, "AUTHENTICATOR_APP", created);
        a.set("totp", totp);
        return new Carried(a);
    }

    /** The HMAC key, as OTPCredentialModel.getDecodedSecret computes it. */
    static byte[] otpKey(String value, String encoding) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("it is empty");
        }
        if (encoding == null) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
        if (!encoding.equalsIgnoreCase("BASE32")) {
            throw new IllegalArgumentException("unknown secretEncoding '" + encoding + "'");
        }
        try {
            return Base32.decode(value.replace(" ", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("secretEncoding is BASE32 but the value is not base32 (" + e.getMessage()
                    + ")");
        }
    }

    private static Outcome passkey(JsonNode credential, String type, String userId, String id, Instant created) {
        JsonNode data = embedded(credential, "credentialData");
        if (data == null) {
            return new Left("credential " + type, "The WebAuthn credential has no readable credentialData.");
        }
        byte[] credentialId = anyBase64(data.path("credentialId").asString(""));
        byte[] publicKey = anyBase64(data.path("credentialPublicKey").asString(""));
        if (credentialId == null || credentialId.length == 0) {
            return new Left("credential " + type, "credentialData.credentialId is missing or not base64.");
        }
        if (publicKey == null || publicKey.length == 0) {
            return new Left("credential " + type, "credentialData.credentialPublicKey is missing or not base64.");
        }
        Long algorithm = coseAlgorithm(publicKey);
        if (algorithm == null) {
            return new Left("credential " + type, "credentialData.credentialPublicKey is not a COSE public key with "
                    + "an algorithm ('alg').");
        }
        ObjectNode passkey = Json.MAPPER.createObjectNode();
        passkey.put("credentialId", B64URL.encodeToString(credentialId));
        passkey.put("publicKey", B64URL.encodeToString(publicKey));
        passkey.put("algorithm", algorithm);
        String label = text(credential, "userLabel");
        if (label != null) {
            passkey.put("name", label);
        }
        passkey.put("signCount", Math.max(0, data.path("counter").asLong(0)));
        String aaguid = data.path("aaguid").asString(null);
        if (aaguid != null && UUID_TEXT.matcher(aaguid).matches()) {
            passkey.put("aaguid", aaguid.toLowerCase(Locale.ROOT));
        }
        TreeSet<String> transports = new TreeSet<>();
        data.path("transports").forEach(t -> transports.add(t.asString()));
        if (!transports.isEmpty()) {
            ArrayNode list = passkey.putArray("transports");
            transports.forEach(list::add);
        }
        // Keycloak registered user.id = base64url(UTF-8 of its user id): the handle a discoverable credential returns.
        passkey.put("userHandle", B64URL.encodeToString(userId.getBytes(StandardCharsets.UTF_8)));
        ObjectNode a = authenticator(id, "PASSKEY", created);
        a.set("passkey", passkey);
        return new Carried(a);
    }

    private static Long coseAlgorithm(byte[] key) {
        try {
            COSEKey cose = CBOR.readValue(key, COSEKey.class);
            return cose == null || cose.getAlgorithm() == null ? null : cose.getAlgorithm().getValue();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Standard or URL-safe base64, padded or not (Keycloak uses both, field by field); null when neither. */
    static byte[] anyBase64(String text) {
        try {
            return Base64.getUrlDecoder().decode(text.strip().replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ObjectNode authenticator(String id, String method, Instant created) {
        ObjectNode a = Json.MAPPER.createObjectNode();
        a.put("authenticatorId", id);
        a.put("verificationMethod", method);
        a.put("pending", false);
        // Keycloak stores a credential only once its first code or signature was checked: created is verified.
        a.put("createdAt", created.toString());
        a.put("verifiedAt", created.toString());
        return a;
    }

    /** Keycloak's credential id; a stable one derived from the user and position when an edited export lacks it. */
    private static String id(JsonNode credential, String userId, int index) {
        String id = text(credential, "id");
        return id != null ? id
                : UUID.nameUUIDFromBytes(("keycloak:" + userId + ":" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Instant created(JsonNode credential, Instant fallback) {
        JsonNode date = credential.path("createdDate");
        return date.isNumber() ? Instant.ofEpochMilli(date.asLong()) : fallback;
    }

    /** secretData and credentialData are JSON documents inside strings; an object is taken as it is. */
    private static JsonNode embedded(JsonNode credential, String field) {
        JsonNode value = credential.path(field);
        if (value.isObject()) {
            return value;
        }
        if (!value.isString()) {
            return null;
        }
        try {
            JsonNode parsed = Json.MAPPER.readTree(value.asString());
            return parsed.isObject() ? parsed : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    /** Credentials in creation order, then by id, as the export format lists authenticators. */
    static ArrayList<JsonNode> inCreationOrder(JsonNode credentials) {
        ArrayList<JsonNode> list = new ArrayList<>();
        credentials.forEach(list::add);
        list.sort((a, b) -> {
            int byDate = Long.compare(a.path("createdDate").asLong(0), b.path("createdDate").asLong(0));
            return byDate != 0 ? byDate : a.path("id").asString("").compareTo(b.path("id").asString(""));
        });
        return list;
    }
}
