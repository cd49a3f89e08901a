package io.signet.authenticator;

import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import io.signet.crypto.RandomTokens;
import io.signet.testing.Es256Keys;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;

/**
 * Real passkey material for tests: credential ids and COSE keys made the way an authenticator makes them.
 * Public for the signet-client tests, which use it through the test jar.
 */
public final class Passkeys {
    private Passkeys() {
    }

    public static String credentialId() {
        return RandomTokens.base64Url(32);
    }

    /** A fresh P-256 public key as a base64url COSE key with alg ES256. */
    public static String es256PublicKey() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Es256Keys.cosePublicKey(keyPair()));
    }

    /** A fresh P-256 key pair including the private key: must be refused. */
    static String es256KeyPairWithPrivateKey() {
        return encode(EC2COSEKey.create(keyPair(), COSEAlgorithmIdentifier.ES256));
    }

    /** A P-256 public key labelled with an algorithm it cannot be used with. */
    static String es256KeyLabelled(COSEAlgorithmIdentifier algorithm) {
        return encode(EC2COSEKey.create((ECPublicKey) keyPair().getPublic(), algorithm));
    }

    private static String encode(COSEKey key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Es256Keys.cbor(key));
    }

    private static KeyPair keyPair() {
        return Es256Keys.generate();
    }
}
