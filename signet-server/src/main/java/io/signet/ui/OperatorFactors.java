package io.signet.ui;

import io.signet.user.VerificationMethod;
import java.util.Set;

/**
 * The factors of the admin console's operators (the operator realm): a passkey, or an authenticator app as
 * the fallback. The hosted page offers only these to enrol in the realm, and the console accepts a sign-in
 * only when one of them verified it; a code sent by email or SMS, or a recovery code, never signs an
 * operator in.
 */
public final class OperatorFactors {
    public static final Set<VerificationMethod> METHODS = Set.of(VerificationMethod.PASSKEY,
            VerificationMethod.AUTHENTICATOR_APP);

    private OperatorFactors() {
    }
}
