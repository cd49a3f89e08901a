package io.signet.authenticator;

import io.signet.authenticator.Placement.Created;
import io.signet.authenticator.Placement.CredentialTaken;
import io.signet.authenticator.Placement.Existing;
import io.signet.authenticator.Placements.Request;
import io.signet.crypto.Encryptor;
import io.signet.metrics.BusinessMetrics;
import io.signet.crypto.SecretHasher;
import io.signet.error.SignetException;
import io.signet.store.Database;
import io.signet.store.Jdbc;
import io.signet.tenant.TenantSettingsService;
import io.signet.user.User;
import io.signet.user.UserChanges;
import io.signet.user.UserService;
import io.signet.user.VerificationMethod;
import io.signet.webhook.Events;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Authenticators: enroll pre-verified factors, list, delete, batch enroll, and redeem recovery codes.
 * Every input is validated before a transaction starts; every decision and its writes share one
 * transaction. Thread-safe: holds no mutable state.
 */
public final class AuthenticatorService {
    /** deleteAuthenticator query parameter that explicitly allows deleting a protected last authenticator. */
    static final String LOCKOUT_OVERRIDE = "allowLockout";

    private final Database db;
    private final AuthenticatorStore store;
    private final UserService users;
    private final TenantSettingsService settings;
    private final SecretHasher hasher;
    private final AuthenticatorEvents events;
    private final Clock clock;
    private final Placements placements;
    private final PasskeyRecords passkeys;

    public AuthenticatorService(Database db, AuthenticatorStore store, UserService users, TenantSettingsService settings, SecretHasher hasher,
                                Encryptor encryptor, Events events, BusinessMetrics metrics, Clock clock) {
        this.store = store;
        this.db = db;
        this.users = users;
        this.settings = settings;
        this.hasher = hasher;
        this.events = new AuthenticatorEvents(events, metrics);
        this.clock = clock;
        this.placements = new Placements(store, encryptor, this.events, clock);
        this.passkeys = new PasskeyRecords(store, placements);
    }

    /** The passkey rows, for the WebAuthn ceremonies. */
    public PasskeyRecords passkeys() {
        return passkeys;
    }

    /**
     * getAuthenticators: oldest first; an unknown user has none (docs/server-api.md §7.2.1 "getAuthenticators"). Pending
     * authenticators (enrolled through the Client API, not verified yet) are not listed.
     */
    public List<UserAuthenticator> list(String tenantId, String userId) {
        return db.read(jdbc -> {
            User user = users.find(jdbc, tenantId, userId).orElse(null);
            return store.list(jdbc, tenantId, userId).stream()
                    .filter(a -> !a.pending())
                    .map(a -> UserAuthenticator.of(a, user))
                    .toList();
        });
    }

    /** The user's verified authenticator with this id, as getAuthenticators shows it. */
    public Optional<UserAuthenticator> find(String tenantId, String userId, String authenticatorId) {
        return list(tenantId, userId).stream().filter(a -> a.userAuthenticatorId().equals(authenticatorId)).findFirst();
    }

    /** Whether the user has a verified authenticator (the Client API's {@code add:authenticators} rule). */
    public boolean hasVerified(String tenantId, String userId) {
        return db.read(jdbc -> store.count(jdbc, tenantId, userId)) > 0;
    }

    /**
     * Client API enrollment of an email (EMAIL_OTP, EMAIL_MAGIC_LINK) or phone (SMS) factor: stored pending
     * until its first successful verification, or the equal authenticator the user already has (pending or
     * not). Returns its id. The contact must be validated.
     */
    public String enrollPending(String tenantId, String userId, VerificationMethod method, String contact) {
        boolean email = method.name().startsWith("EMAIL");
        NewAuthenticator n = new NewAuthenticator(method, email ? contact : null, email ? null : contact, null, null,
                null, false);
        return placePending(tenantId, userId, n, false);
    }

    /** A pending authenticator app: its id, the key URI and the Base32 secret, shown to the user this once. */
    public record PendingTotp(String userAuthenticatorId, String uri, String secret) {
    }

    /**
     * Client API enrollment of an authenticator app: a fresh secret, stored sealed and pending. An earlier
     * pending app of the user is replaced, so only the secret shown last can complete the enrollment.
     */
    public PendingTotp enrollPendingTotp(String tenantId, String userId, String issuer) {
        User known = users.find(tenantId, userId).orElse(null);
        String account = known == null ? userId
                : known.email() != null ? known.email()
                : known.username() != null ? known.username() : userId;
        OtpUri uri = OtpUri.generate(issuer, account);
        NewAuthenticator n = new NewAuthenticator(VerificationMethod.AUTHENTICATOR_APP, null, null, uri, null, null,
                false);
        return new PendingTotp(placePending(tenantId, userId, n, true), uri.toUri(), uri.secretBase32());
    }

    private String placePending(String tenantId, String userId, NewAuthenticator n, boolean replacePending) {
        String matchKey = n.matchKey(hasher);
        return db.write(jdbc -> {
            users.ensureLockedUser(jdbc, tenantId, userId, UserChanges.NONE);
            if (replacePending) {
                store.deletePending(jdbc, tenantId, userId, n.method());
            }
            return switch (placements.place(jdbc, tenantId, List.of(new Request(userId, n, matchKey)), true)
                    .getFirst()) {
                case Existing e -> e.authenticator().authenticatorId();
                case Created c -> c.authenticator().authenticatorId();
                case CredentialTaken t -> throw SignetException.conflict(CredentialTaken.DESCRIPTION);
            };
        });
    }

    /**
     * The first successful verification of a pending authenticator, in the caller's transaction: it becomes
     * verified, {@code authenticator.created} is published, and its email or phone number becomes the user's,
     * verified. False when it was not pending (nothing changes).
     */
    boolean confirm(Jdbc jdbc, String tenantId, StoredAuthenticator a, long at) {
        if (!a.pending() || !store.confirm(jdbc, tenantId, a.userId(), a.authenticatorId(), at)) {
            return false;
        }
        events.created(jdbc, tenantId, List.of(Placements.confirmed(a, at)));
        UserChanges contact = switch (a.method()) {
            case EMAIL_OTP, EMAIL_MAGIC_LINK -> new UserChanges(a.email(), true, null, null, null, null, null, null, null);
            case SMS, WHATSAPP -> new UserChanges(null, null, a.phoneNumber(), true, null, null, null, null, null);
            default -> UserChanges.NONE;
        };
        users.ensureUser(jdbc, tenantId, a.userId(), contact);
        return true;
    }

    /**
     * enrollVerifiedAuthenticator: creates the user if needed and stores the factor, or returns the equal
     * one already enrolled. The user's first authenticator comes with recovery codes when the tenant enables
     * them. The user row is locked so concurrent first enrollments cannot both issue codes.
     */
    EnrollResponse enroll(String tenantId, String userId, NewAuthenticator request) {
        NewAuthenticator n = EnrollmentRequests.applyTenantRules(request, settings.get(tenantId));
        String warning = EnrollmentRequests.warning(n);
        String matchKey = n.matchKey(hasher);
        return db.write(jdbc -> {
            VerificationMethod defaultBefore = users.find(jdbc, tenantId, userId)
                    .map(User::defaultVerificationMethod).orElse(null);
            User user = users.ensureLockedUser(jdbc, tenantId, userId, changesFor(n));
            return switch (placements.place(jdbc, tenantId, List.of(new Request(userId, n, matchKey))).getFirst()) {
                case Existing e -> {
                    if (n.isDefault() && defaultBefore != n.method()) {
                        events.updated(jdbc, tenantId, e.authenticator(), true);
                    }
                    yield new EnrollResponse(UserAuthenticator.of(e.authenticator(), user), null, warning);
                }
                case CredentialTaken t -> throw SignetException.conflict(CredentialTaken.DESCRIPTION);
                case Created c -> new EnrollResponse(UserAuthenticator.of(c.authenticator(), user),
                        c.first() && settings.get(jdbc, tenantId).recoveryCodesEnabled()
                                ? issueRecoveryCodes(jdbc, tenantId, userId) : null, warning);
            };
        });
    }

    /** Whether the user has an unused recovery code: the hosted page offers "use a recovery code" only then. */
    public boolean hasRecoveryCodes(String tenantId, String userId) {
        return db.read(jdbc -> store.countRecoveryCodes(jdbc, tenantId, userId)) > 0;
    }

    /**
     * Recovery codes for a user who has a verified authenticator and no unused code, when the tenant issues
     * them: a Client API enrollment (unlike enrollVerifiedAuthenticator) returns none, so the hosted page asks
     * for them after one and shows them once. Empty when nothing was issued.
     */
    public Optional<List<String>> issueRecoveryCodesIfNone(String tenantId, String userId) {
        return db.write(jdbc -> {
            store.lockUser(jdbc, tenantId, userId);
            if (!settings.get(jdbc, tenantId).recoveryCodesEnabled() || store.count(jdbc, tenantId, userId) == 0
                    || store.countRecoveryCodes(jdbc, tenantId, userId) > 0) {
                return Optional.<List<String>>empty();
            }
            return Optional.of(issueRecoveryCodes(jdbc, tenantId, userId));
        });
    }

    /**
     * New recovery codes for a user with a verified authenticator, replacing every unused one (a support
     * action when codes leaked or ran out); shown once. Refused when the tenant issues none or the user has
     * no authenticator to recover.
     */
    public List<String> regenerateRecoveryCodes(String tenantId, String userId) {
        return db.write(jdbc -> {
            store.lockUser(jdbc, tenantId, userId);
            if (!settings.get(jdbc, tenantId).recoveryCodesEnabled()) {
                throw SignetException.conflict("The tenant issues no recovery codes (recoveryCodesEnabled is off).");
            }
            if (store.count(jdbc, tenantId, userId) == 0) {
                throw SignetException.conflict("The user has no authenticator, so recovery codes would recover nothing.");
            }
            store.deleteRecoveryCodes(jdbc, tenantId, userId);
            return issueRecoveryCodes(jdbc, tenantId, userId);
        });
    }

    /** What enrolling changes on the user: {@code isDefault} makes the method the user's default. */
    static UserChanges changesFor(NewAuthenticator n) {
        return n.isDefault()
                ? new UserChanges(null, null, null, null, null, null, null, null, n.method())
                : UserChanges.NONE;
    }

    /** Associated data of a sealed TOTP secret: a ciphertext moved to another row does not decrypt (public for export). */
    public static String totpContext(String tenantId, String authenticatorId) {
        return "authenticator-totp:" + tenantId + ":" + authenticatorId;
    }

    private List<String> issueRecoveryCodes(Jdbc jdbc, String tenantId, String userId) {
        List<String> codes = RecoveryCodes.generate();
        store.insertRecoveryCodes(jdbc, tenantId, userId,
                codes.stream().map(c -> RecoveryCodes.hash(hasher, RecoveryCodes.normalize(c))).toList(),
                clock.millis());
        return codes;
    }

    /**
     * deleteAuthenticator: 404 when the id is not one of this user's authenticators. With the tenant setting
     * {@code protectLastAuthenticator}, removing the last one is a 409 unless {@code allowLockout}. Removing
     * the last one also removes the user's recovery codes.
     */
    public void delete(String tenantId, String userId, String authenticatorId, boolean allowLockout) {
        db.write(jdbc -> {
            store.lockUser(jdbc, tenantId, userId);
            StoredAuthenticator doomed = store.find(jdbc, tenantId, userId, authenticatorId).orElseThrow(() ->
                    SignetException.notFound("The user has no authenticator with this userAuthenticatorId."));
            if (doomed.pending()) { // never enrolled as far as anyone was told: no protection, codes or event
                store.delete(jdbc, tenantId, userId, authenticatorId);
                return null;
            }
            long count = store.count(jdbc, tenantId, userId);
            if (count == 1 && !allowLockout && settings.get(jdbc, tenantId).protectLastAuthenticator()) {
                throw SignetException.conflict("This is the user's last authenticator; deleting it would lock the "
                        + "user out, and the tenant setting protectLastAuthenticator forbids that. Enroll another "
                        + "authenticator first, or repeat the request with ?" + LOCKOUT_OVERRIDE + "=true.");
            }
            store.delete(jdbc, tenantId, userId, authenticatorId);
            events.deleted(jdbc, tenantId, doomed);
            if (count == 1) {
                store.deleteRecoveryCodes(jdbc, tenantId, userId);
            }
            return null;
        });
    }

    /**
     * Stamps {@code lastVerifiedAt} on the user's authenticator and announces the change
     * ({@code authenticator.updated}), in the caller's transaction; false when there is no such authenticator.
     */
    boolean markLastVerified(Jdbc jdbc, String tenantId, String userId, String authenticatorId, long at) {
        if (!store.markLastVerified(jdbc, tenantId, userId, authenticatorId, at)) {
            return false;
        }
        store.find(jdbc, tenantId, userId, authenticatorId).ifPresent(a -> events.updated(jdbc, tenantId, a, false));
        return true;
    }

    /**
     * Redeems a recovery code in the caller's transaction (the verification that spends it): true exactly
     * once per issued code, even when the same code is sent concurrently (the delete decides). Returns the
     * number of codes left, or empty when the code is not an unused code of this user.
     */
    public OptionalInt redeemRecoveryCode(Jdbc jdbc, String tenantId, String userId, String typedCode) {
        return recoveryCodeHash(typedCode)
                .filter(hash -> store.deleteRecoveryCode(jdbc, tenantId, userId, hash))
                .map(hash -> OptionalInt.of((int) store.countRecoveryCodes(jdbc, tenantId, userId)))
                .orElse(OptionalInt.empty());
    }

    /** {@link #redeemRecoveryCode(Jdbc, String, String, String)} in a transaction of its own. */
    public OptionalInt redeemRecoveryCode(String tenantId, String userId, String typedCode) {
        return db.write(jdbc -> redeemRecoveryCode(jdbc, tenantId, userId, typedCode));
    }

    /** Whether {@code typedCode} is one of the user's unused recovery codes, spending nothing. */
    public boolean isUnusedRecoveryCode(String tenantId, String userId, String typedCode) {
        return recoveryCodeHash(typedCode)
                .map(hash -> db.read(jdbc -> store.hasRecoveryCode(jdbc, tenantId, userId, hash)))
                .orElse(false);
    }

    private Optional<String> recoveryCodeHash(String typedCode) {
        return Optional.ofNullable(RecoveryCodes.normalize(typedCode)).map(n -> RecoveryCodes.hash(hasher, n));
    }

    /** Batch enroll (docs/server-api.md §7.2.3 "Batch enroll"); see {@link BatchEnrollment}. */
    BatchEnrollResponse batchEnroll(String tenantId, List<BatchEnrollment.Item> items) {
        return new BatchEnrollment(db, users, placements, hasher)
                .run(tenantId, items, settings.get(tenantId));
    }
}
