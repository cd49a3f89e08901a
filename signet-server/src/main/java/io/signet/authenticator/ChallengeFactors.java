package io.signet.authenticator;

import io.signet.challenge.Factors;
import io.signet.crypto.Encryptor;
import io.signet.store.Database;
import io.signet.store.Jdbc;
import io.signet.user.Contacts;
import io.signet.user.VerificationMethod;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The enrolled authenticators as the challenge feature needs them: TOTP parameters with the secret
 * decrypted, recovery-code redemption, and {@code lastVerifiedAt} after a successful verification.
 */
public final class ChallengeFactors implements Factors {
    private final Database db;
    private final AuthenticatorStore store;
    private final AuthenticatorService authenticators;
    private final Encryptor encryptor;

    public ChallengeFactors(Database db, AuthenticatorStore store, AuthenticatorService authenticators, Encryptor encryptor) {
        this.store = store;
        this.db = db;
        this.authenticators = authenticators;
        this.encryptor = encryptor;
    }

    /** A verified authenticator's contact first; else a pending one's (a code re-sent during enrollment). */
    @Override
    public String enrolledContact(String tenantId, String userId, VerificationMethod method) {
        return db.read(jdbc -> store.list(jdbc, tenantId, userId)).stream()
                .filter(a -> sameChannel(a, method))
                .sorted(java.util.Comparator.comparing(StoredAuthenticator::pending))
                .map(a -> a.email() != null ? a.email() : a.phoneNumber())
                .filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    /** A WhatsApp code may go to, and count for, the SMS authenticator of the same number. */
    private static boolean sameChannel(StoredAuthenticator a, VerificationMethod method) {
        return a.method() == method || (method == VerificationMethod.WHATSAPP && a.method() == VerificationMethod.SMS);
    }

    @Override
    public List<TotpFactor> totpFactors(String tenantId, String userId) {
        return db.read(jdbc -> store.list(jdbc, tenantId, userId)).stream()
                .filter(a -> a.method() == VerificationMethod.AUTHENTICATOR_APP && a.totp() != null)
                .map(a -> new TotpFactor(a.authenticatorId(), Base32.decode(encryptor.decrypt(a.totp().sealedSecret(),
                        AuthenticatorService.totpContext(tenantId, a.authenticatorId()))),
                        a.totp().algorithm(), a.totp().digits(), a.totp().period()))
                .toList();
    }

    @Override
    public OptionalInt redeemRecoveryCode(Jdbc jdbc, String tenantId, String userId, String code) {
        return authenticators.redeemRecoveryCode(jdbc, tenantId, userId, code);
    }

    @Override
    public boolean isUnusedRecoveryCode(String tenantId, String userId, String code) {
        return authenticators.isUnusedRecoveryCode(tenantId, userId, code);
    }

    /**
     * By id; else the user's authenticator of the method whose email or phone number the code went to
     * (WhatsApp has no enroll of its own in the browser SDK, docs/client-api.md §4.4 "WhatsApp OTP (#16, #17)"). A pending
     * authenticator's first verification completes its enrollment.
     */
    @Override
    public VerifiedFactor verified(Jdbc jdbc, String tenantId, String userId, VerificationMethod method,
                                   String authenticatorId, String contact, long at) {
        StoredAuthenticator found = find(jdbc, tenantId, userId, method, authenticatorId, contact).orElse(null);
        if (found == null) {
            return VerifiedFactor.NONE;
        }
        if (authenticators.confirm(jdbc, tenantId, found, at)) {
            return new VerifiedFactor(found.authenticatorId(), true);
        }
        return authenticators.markLastVerified(jdbc, tenantId, userId, found.authenticatorId(), at)
                ? new VerifiedFactor(found.authenticatorId(), false) : VerifiedFactor.NONE;
    }

    @Override
    public String authenticatorFor(String tenantId, String userId, VerificationMethod method, String contact) {
        return db.read(jdbc -> find(jdbc, tenantId, userId, method, null, contact))
                .map(StoredAuthenticator::authenticatorId).orElse(null);
    }

    private Optional<StoredAuthenticator> find(Jdbc jdbc, String tenantId, String userId, VerificationMethod method,
                                               String authenticatorId, String contact) {
        return store.list(jdbc, tenantId, userId).stream()
                .filter(a -> authenticatorId != null ? a.authenticatorId().equals(authenticatorId)
                        : contact != null && sameChannel(a, method) && (contact.equals(a.phoneNumber())
                        || Objects.equals(Contacts.normalizeEmail(contact), Contacts.normalizeEmail(a.email()))))
                .sorted(java.util.Comparator.comparing(StoredAuthenticator::pending))
                .findFirst();
    }
}
