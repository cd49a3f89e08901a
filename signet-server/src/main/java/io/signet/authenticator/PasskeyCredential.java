package io.signet.authenticator;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import io.signet.error.SignetException;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * A passkey credential as enrolled from another system: its id and COSE public key (RFC 9052 §7), both
 * checked before anything is stored. The key is parsed with webauthn4j, must carry a signature algorithm
 * WebAuthn relying parties use, must be well-formed for its key type, must pass {@link PublicKeySanity}
 * (on its curve, a sane RSA size) and must not contain private material.
 *
 * @param credentialId canonical unpadded base64url
 * @param publicKey    canonical unpadded base64url of the COSE key bytes
 * @param algorithm    the COSE algorithm identifier, e.g. -7 for ES256
 */
record PasskeyCredential(String credentialId, String publicKey, long algorithm) {
    /** WebAuthn §5.8.2 bounds: an id of at least 16 bytes of entropy and at most 1023 bytes. */
    static final int MIN_ID_BYTES = 16;
    static final int MAX_ID_BYTES = 1023;
    private static final int MAX_KEY_BYTES = 2048;
    private static final Pattern BASE64URL = Pattern.compile("^[A-Za-z0-9_-]+={0,2}$");
    private static final Set<COSEAlgorithmIdentifier> SUPPORTED = Set.of(
            COSEAlgorithmIdentifier.ES256, COSEAlgorithmIdentifier.ES384, COSEAlgorithmIdentifier.ES512,
            COSEAlgorithmIdentifier.RS256, COSEAlgorithmIdentifier.RS384, COSEAlgorithmIdentifier.RS512,
            COSEAlgorithmIdentifier.PS256, COSEAlgorithmIdentifier.PS384, COSEAlgorithmIdentifier.PS512,
            COSEAlgorithmIdentifier.EdDSA, COSEAlgorithmIdentifier.Ed25519);
    private static final CBORMapper CBOR = new ObjectConverter().getCborMapper();

    static PasskeyCredential parse(String credentialId, String credentialPublicKey) {
        byte[] id = base64Url("credentialId", credentialId);
        if (id.length < MIN_ID_BYTES || id.length > MAX_ID_BYTES) {
            throw SignetException.invalid("'credentialId' must decode to " + MIN_ID_BYTES + " to " + MAX_ID_BYTES
                    + " bytes, got " + id.length + ".");
        }
        byte[] key = base64Url("credentialPublicKey", credentialPublicKey);
        if (key.length > MAX_KEY_BYTES) {
            throw SignetException.invalid("'credentialPublicKey' is longer than " + MAX_KEY_BYTES + " bytes.");
        }
        COSEAlgorithmIdentifier algorithm = checkedAlgorithm(key);
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return new PasskeyCredential(encoder.encodeToString(id), encoder.encodeToString(key), algorithm.getValue());
    }

    private static COSEAlgorithmIdentifier checkedAlgorithm(byte[] key) {
        COSEKey cose;
        try {
            cose = CBOR.readValue(key, COSEKey.class);
        } catch (RuntimeException e) {
            throw notACoseKey("it is not a CBOR-encoded COSE key");
        }
        if (cose == null) {
            throw notACoseKey("it is not a CBOR-encoded COSE key");
        }
        COSEAlgorithmIdentifier algorithm = cose.getAlgorithm();
        if (algorithm == null || !SUPPORTED.contains(algorithm)) {
            throw notACoseKey("its algorithm (COSE 'alg') is missing or not one of ES256, ES384, ES512, RS256, "
                    + "RS384, RS512, PS256, PS384, PS512, EdDSA");
        }
        try {
            cose.validate();
            if (cose.getKeyType() != algorithm.getKeyType() || !cose.hasPublicKey() || cose.getPublicKey() == null) {
                throw notACoseKey("its key type does not match its algorithm");
            }
        } catch (SignetException e) {
            throw e;
        } catch (RuntimeException e) {
            throw notACoseKey("the key parameters are incomplete or invalid");
        }
        if (cose.hasPrivateKey()) {
            throw notACoseKey("it contains private key material, which must never leave the authenticator");
        }
        PublicKeySanity.problem(cose.getPublicKey()).ifPresent(why -> {
            throw notACoseKey(why);
        });
        return algorithm;
    }

    private static byte[] base64Url(String field, String value) {
        if (!BASE64URL.matcher(value).matches()) {
            throw SignetException.invalid("'" + field + "' must be base64url (A-Z, a-z, 0-9, '-', '_').");
        }
        try {
            return Base64.getUrlDecoder().decode(value.replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw SignetException.invalid("'" + field + "' is not valid base64url: its length is impossible.");
        }
    }

    private static SignetException notACoseKey(String why) {
        return SignetException.invalid("'credentialPublicKey' is not a usable COSE public key: " + why + ".");
    }
}
