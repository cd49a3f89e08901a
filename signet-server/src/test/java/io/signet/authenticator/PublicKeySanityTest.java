package io.signet.authenticator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.Curve;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Public keys that parse but are unsafe to verify against are refused at enrollment. */
class PublicKeySanityTest {

    private static ECPublicKey ecKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        return (ECPublicKey) g.generateKeyPair().getPublic();
    }

    private static ECPublicKey withPoint(ECPublicKey like, BigInteger x, BigInteger y) throws Exception {
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(
                new ECPublicKeySpec(new ECPoint(x, y), like.getParams()));
    }

    @Test
    void an_EC_point_off_its_curve_is_refused_and_a_generated_one_is_not() throws Exception {
        ECPublicKey good = ecKey();
        assertThat(PublicKeySanity.problem(good)).isEmpty();
        assertThat(PublicKeySanity.problem(withPoint(good, BigInteger.ZERO, BigInteger.ZERO)))
                .contains("its point is not on its curve");
        BigInteger x = good.getW().getAffineX();
        BigInteger y = good.getW().getAffineY();
        assertThat(PublicKeySanity.problem(withPoint(good, x, y.add(BigInteger.ONE)))).isPresent();
        BigInteger p = ((java.security.spec.ECFieldFp) good.getParams().getCurve().getField()).getP();
        assertThat(PublicKeySanity.onCurve(new ECPoint(x.add(p), y), good.getParams().getCurve()))
                .as("coordinate beyond the field").isFalse();
        assertThat(PublicKeySanity.onCurve(ECPoint.POINT_INFINITY, good.getParams().getCurve())).isFalse();
    }

    @Test
    void an_x_and_y_of_zero_in_a_COSE_key_is_refused_at_enrollment() {
        EC2COSEKey zero = new EC2COSEKey(null, COSEAlgorithmIdentifier.ES256, null, Curve.SECP256R1, new byte[32],
                new byte[32]);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new ObjectConverter().getCborMapper().writeValueAsBytes(zero));
        assertThatThrownBy(() -> PasskeyCredential.parse(Passkeys.credentialId(), encoded))
                .hasMessageContaining("'credentialPublicKey'");
    }

    @Test
    void RSA_keys_need_a_sane_size_and_exponent() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        RSAPublicKey good = (RSAPublicKey) g.generateKeyPair().getPublic();
        assertThat(PublicKeySanity.problem(good)).isEmpty();
        BigInteger n = good.getModulus();
        assertThat(PublicKeySanity.rsa(n, BigInteger.ONE)).isPresent();
        assertThat(PublicKeySanity.rsa(n, BigInteger.valueOf(65536))).isPresent();
        assertThat(PublicKeySanity.rsa(n, n.add(BigInteger.TWO))).isPresent();
        assertThat(PublicKeySanity.rsa(n.shiftRight(1024), BigInteger.valueOf(65537))).as("1024 bits").isPresent();
        assertThat(PublicKeySanity.rsa(n.add(BigInteger.ONE), BigInteger.valueOf(65537))).as("even").isPresent();
        RSAPublicKey small = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                new RSAPublicKeySpec(n.shiftRight(1024).setBit(0), BigInteger.valueOf(65537)));
        assertThat(PublicKeySanity.problem(small)).isPresent();
    }

    @Test
    void Ed25519_points_of_small_order_are_refused() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        assertThat(PublicKeySanity.problem(g.generateKeyPair().getPublic())).isEmpty();
        KeyFactory f = KeyFactory.getInstance("Ed25519");
        for (BigInteger y : new BigInteger[] {BigInteger.ONE, BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(20)),
                new BigInteger("2707385501144840649318225287225658788936804267575313519463743609750303402022")}) {
            var key = f.generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(false, y)));
            assertThat(PublicKeySanity.problem(key)).as("y = " + y).isPresent();
        }
    }
}
