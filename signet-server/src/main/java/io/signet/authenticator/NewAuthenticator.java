package io.signet.authenticator;

import io.signet.crypto.SecretHasher;
import io.signet.user.VerificationMethod;
import java.util.List;

/**
 * A validated enrollment, ready to store: exactly the components its method needs are non-null.
 *
 * @param passkeyDetails optional passkey metadata; null for other methods
 */
record NewAuthenticator(VerificationMethod method, String email, String phoneNumber, OtpUri totp,
                        PasskeyCredential passkey, PasskeyDetails passkeyDetails, boolean isDefault) {

    /** What the caller may add about a passkey; every component may be null except {@code client}. */
    record PasskeyDetails(String name, Long signCount, String aaguid, List<String> transports,
                          ClientPasskeyData client) {
    }

    /**
     * The value the unique constraint compares: two enrollments of one user and method with the same key are
     * the same authenticator. A TOTP secret is compared by its keyed hash, so it is never stored readable.
     */
    String matchKey(SecretHasher hasher) {
        return FactorImports.matchKey(hasher, method, email, phoneNumber,
                totp == null ? null : totp.secretBase32(), passkey == null ? null : passkey.credentialId());
    }
}
