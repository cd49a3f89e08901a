package io.signet.authenticator;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECField;
import java.security.spec.ECFieldFp;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a passkey's public key is a key a signature can be verified against safely, beyond parsing: the
 * JCA builds EC keys without checking the point is on the curve (x = y = 0 passes), RSA keys of any size
 * and exponent, and Ed25519 keys of small order (for which one signature verifies for many messages).
 * Used at every enrollment: the Server API's imported passkeys and the Client API's registrations.
 */
public final class PublicKeySanity {
    static final int MIN_RSA_BITS = 2048;
    static final int MAX_RSA_BITS = 16384;
    private static final BigInteger ED25519_P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    /** The y coordinates of Ed25519's points of order 1, 2, 4 and 8 (the sign bit picks x). */
    private static final Set<BigInteger> ED25519_SMALL_ORDER_Y = Set.of(BigInteger.ZERO, BigInteger.ONE,
            ED25519_P.subtract(BigInteger.ONE),
            new BigInteger("2707385501144840649318225287225658788936804267575313519463743609750303402022"),
            new BigInteger("55188659117513257062467267217118295137698188065244968500265048394206261417927"));

    private PublicKeySanity() {
    }

    /** Why the key is unusable, or empty when it is sound. */
    public static Optional<String> problem(PublicKey key) {
        return switch (key) {
            case ECPublicKey ec -> onCurve(ec.getW(), ec.getParams().getCurve()) ? Optional.empty()
                    : Optional.of("its point is not on its curve");
            case RSAPublicKey rsa -> rsa(rsa.getModulus(), rsa.getPublicExponent());
            case EdECPublicKey ed -> ed.getParams().getName().equalsIgnoreCase("Ed25519")
                    && ED25519_SMALL_ORDER_Y.contains(ed.getPoint().getY())
                    ? Optional.of("it is a point of small order") : Optional.empty();
            default -> Optional.of("its key type is not EC, RSA or EdDSA");
        };
    }

    /** The affine point lies on y² = x³ + ax + b over the prime field, with coordinates in the field. */
    static boolean onCurve(ECPoint w, EllipticCurve curve) {
        ECField field = curve.getField();
        if (w == ECPoint.POINT_INFINITY || !(field instanceof ECFieldFp fp)) {
            return false;
        }
        BigInteger p = fp.getP();
        BigInteger x = w.getAffineX();
        BigInteger y = w.getAffineY();
        if (x.signum() < 0 || x.compareTo(p) >= 0 || y.signum() < 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return left.equals(right);
    }

    static Optional<String> rsa(BigInteger n, BigInteger e) {
        if (n.bitLength() < MIN_RSA_BITS || n.bitLength() > MAX_RSA_BITS || !n.testBit(0)) {
            return Optional.of("its RSA modulus is not an odd number of " + MIN_RSA_BITS + " to " + MAX_RSA_BITS
                    + " bits");
        }
        if (e.compareTo(BigInteger.valueOf(3)) < 0 || !e.testBit(0) || e.compareTo(n) >= 0) {
            return Optional.of("its RSA exponent is not an odd number from 3 below the modulus");
        }
        return Optional.empty();
    }
}
