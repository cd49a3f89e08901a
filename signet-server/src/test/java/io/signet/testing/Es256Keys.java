package io.signet.testing;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;

/**
 * Passkey key material made the way an authenticator makes it: P-256 key pairs and their public keys as
 * CBOR COSE keys with alg ES256, the form the Server API's {@code credentialPublicKey} takes (base64url).
 * One copy for the server's and the client's tests and for the benchmark's passkey driver (through this
 * module's test jar).
 */
public final class Es256Keys {
    private static final ObjectConverter CBOR = new ObjectConverter();

    private Es256Keys() {
    }

    /** A fresh P-256 key pair. */
    public static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half of {@code keys} as CBOR COSE key bytes with alg ES256. */
    public static byte[] cosePublicKey(KeyPair keys) {
        return cbor(EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
    }

    /** CBOR bytes of any value: a COSE key (tests also encode keys an authenticator must never send) or an attestation object. */
    public static byte[] cbor(Object value) {
        return CBOR.getCborMapper().writeValueAsBytes(value);
    }
}
