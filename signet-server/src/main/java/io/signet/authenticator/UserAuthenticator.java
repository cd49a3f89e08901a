package io.signet.authenticator;

import io.signet.user.User;
import io.signet.user.VerificationMethod;
import io.signet.wire.WireTime;

/**
 * An authenticator on the wire (docs/server-api.md §5.1 "UserAuthenticator"): an element of getAuthenticators and the
 * {@code authenticator} of enroll. Absent optionals are omitted by the mapper.
 */
public record UserAuthenticator(String userId, String userAuthenticatorId, VerificationMethod verificationMethod,
                         String createdAt, String verifiedAt, String lastVerifiedAt, String email,
                         String phoneNumber, String username, String displayName,
                         WebauthnCredential webauthnCredential) {

    /** {@code user} supplies username and display name, which Authsignal shows on passkeys; may be null. */
    static UserAuthenticator of(StoredAuthenticator a, User user) {
        boolean passkey = a.passkey() != null;
        return new UserAuthenticator(a.userId(), a.authenticatorId(), a.method(), WireTime.iso(a.createdAt()),
                WireTime.iso(a.verifiedAt()), WireTime.isoOrNull(a.lastVerifiedAt()), a.email(), a.phoneNumber(),
                passkey && user != null ? user.username() : null,
                passkey && user != null ? user.displayName() : null,
                passkey ? WebauthnCredential.of(a) : null);
    }
}
