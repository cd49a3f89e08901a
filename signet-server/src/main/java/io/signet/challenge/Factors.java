package io.signet.challenge;

import io.signet.store.Jdbc;
import io.signet.user.VerificationMethod;
import java.util.List;
import java.util.OptionalInt;

/**
 * What challenges need of enrolled authenticators. A seam because the authenticator feature owns them: it
 * implements this at start-up, so challenge reads no authenticator table and the feature graph stays acyclic.
 */
public interface Factors {
    /** An enrolled authenticator app: its id and TOTP parameters, the secret decrypted. Never log it. */
    record TotpFactor(String userAuthenticatorId, byte[] secret, String algorithm, int digits, int period) {
        public TotpFactor {
            secret = secret.clone();
        }
    }

    /**
     * The email address or phone number of the user's oldest authenticator of {@code method} (for WHATSAPP
     * also SMS), or null: where a challenge without an explicit contact sends its code.
     */
    String enrolledContact(String tenantId, String userId, VerificationMethod method);

    /** The user's authenticator apps, oldest first, a pending one (being enrolled) included. */
    List<TotpFactor> totpFactors(String tenantId, String userId);

    /**
     * Redeems one of the user's recovery codes once, in the caller's transaction; the number left, or empty
     * when the code is not valid.
     */
    OptionalInt redeemRecoveryCode(Jdbc jdbc, String tenantId, String userId, String code);

    /** Whether the code is one of the user's unused recovery codes; spends nothing. */
    boolean isUnusedRecoveryCode(String tenantId, String userId, String code);

    /**
     * The authenticator a successful verification used: {@code userAuthenticatorId} null when none matched;
     * {@code enrolled} when this verification completed its (Client API) enrollment.
     */
    record VerifiedFactor(String userAuthenticatorId, boolean enrolled) {
        public static final VerifiedFactor NONE = new VerifiedFactor(null, false);
    }

    /**
     * Records a successful verification on the authenticator it used ({@code lastVerifiedAt}), in the
     * caller's transaction: by id, or for email and SMS methods by the contact the code went to. A pending
     * authenticator becomes verified.
     */
    VerifiedFactor verified(Jdbc jdbc, String tenantId, String userId, VerificationMethod method,
                            String userAuthenticatorId, String contact, long at);

    /** The id of the authenticator {@link #verified} would stamp for the contact, or null; changes nothing. */
    String authenticatorFor(String tenantId, String userId, VerificationMethod method, String contact);
}
