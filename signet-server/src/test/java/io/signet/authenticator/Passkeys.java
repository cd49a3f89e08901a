package io.signet.authenticator;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import io.signet.crypto.RandomTokens;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * Real passkey material for tests: credential ids and COSE keys made the way an authenticator makes them.
 * Public for the signet-client tests, which use it through the test jar.
 */
public final class Passkeys {
    private static final ObjectConverter CONVERTER = new ObjectConverter();

    private Passkeys() {
    }

    public static String credentialId() {
        return RandomTokens.base64Url(32);
    }

    /** A fresh P-256 public key as a base64url COSE key with alg ES256. */
    public static String es256PublicKey() {
        return encode(EC2COSEKey.create((ECPublicKey) keyPair().getPublic(), COSEAlgorithmIdentifier.ES256));
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
        return Base64.getUrlEncoder().withoutPadding().encodeToString(CONVERTER.getCborConverter().writeValueAsBytes(key));
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
