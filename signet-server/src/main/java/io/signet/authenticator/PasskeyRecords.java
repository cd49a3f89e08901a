package io.signet.authenticator;

import io.signet.authenticator.Placement.Created;
import io.signet.authenticator.Placements.Request;
import io.signet.error.SignetException;
import io.signet.store.Jdbc;
import io.signet.user.User;
import io.signet.user.VerificationMethod;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The passkey side of the authenticator store, for the WebAuthn ceremonies (the passkey feature): it reads
 * and writes the one {@code authenticators} table, so a passkey enrolled through the Server API and one
 * registered in a browser are the same kind of row and sign in the same way. Every method runs in the
 * caller's transaction.
 */
public final class PasskeyRecords {
    private final AuthenticatorStore store;
    private final Placements placements;

    PasskeyRecords(AuthenticatorStore store, Placements placements) {
        this.store = store;
        this.placements = placements;
    }

    /**
     * A stored passkey as a ceremony needs it.
     *
     * @param publicKey  base64url COSE key
     * @param signCount  0 when never reported
     * @param transports may be empty, never null
     * @param userHandle base64url, null when the passkey was not registered through a ceremony Signet saw
     */
    public record Passkey(String authenticatorId, String userId, String credentialId, String publicKey,
                          long algorithm, long signCount, List<String> transports, String userHandle, String aaguid,
                          long verifiedAt) {
        static Passkey of(StoredAuthenticator a) {
            StoredAuthenticator.StoredPasskey p = a.passkey();
            return new Passkey(a.authenticatorId(), a.userId(), p.credentialId(), p.publicKey(), p.algorithm(),
                    p.signCount() == null ? 0 : p.signCount(), p.transports() == null ? List.of() : p.transports(),
                    p.client().userHandle(), p.aaguid(), a.verifiedAt());
        }
    }

    /**
     * A passkey a registration ceremony verified, ready to store.
     *
     * @param credentialId canonical unpadded base64url
     * @param publicKey    unpadded base64url of the COSE key bytes
     * @param aaguid       lower-case UUID text, or null
     */
    public record NewPasskey(String credentialId, String publicKey, long algorithm, long signCount, String aaguid,
                             List<String> transports, ClientPasskeyData client) {
    }

    /** The user's passkeys, oldest first. */
    public List<Passkey> ofUser(Jdbc jdbc, String tenantId, String userId) {
        return store.list(jdbc, tenantId, userId).stream()
                .filter(a -> a.passkey() != null)
                .map(Passkey::of)
                .toList();
    }

    /** The passkey with this credential id in the tenant, whoever holds it. */
    public Optional<Passkey> byCredentialId(Jdbc jdbc, String tenantId, String credentialId) {
        return store.findByCredentialId(jdbc, tenantId, credentialId).filter(a -> a.passkey() != null).map(Passkey::of);
    }

    /** One of the passkeys among these credential ids, if the tenant holds any. */
    public Optional<Passkey> anyOf(Jdbc jdbc, String tenantId, Collection<String> credentialIds) {
        return store.findByCredentialIds(jdbc, tenantId, credentialIds).stream().findFirst().map(Passkey::of);
    }

    /** Whether the user has a verified authenticator (the Client API's add:authenticators rule). */
    public boolean hasAuthenticator(Jdbc jdbc, String tenantId, String userId) {
        return store.count(jdbc, tenantId, userId) > 0;
    }

    /**
     * Stores a verified passkey for the user (who must exist) and publishes {@code authenticator.created}
     * exactly as the Server API enrollment does. A credential id already registered in the tenant, by this
     * user or another, is a 409 {@code conflict}: a registration ceremony never re-enrolls.
     */
    public UserAuthenticator register(Jdbc jdbc, String tenantId, User user, NewPasskey p) {
        NewAuthenticator n = new NewAuthenticator(VerificationMethod.PASSKEY, null, null, null,
                new PasskeyCredential(p.credentialId(), p.publicKey(), p.algorithm()),
                new NewAuthenticator.PasskeyDetails(null, p.signCount(), p.aaguid(), p.transports(), p.client()),
                false);
        Placement placed = placements.place(jdbc, tenantId, List.of(new Request(user.userId(), n, p.credentialId())))
                .getFirst();
        if (placed instanceof Created c) {
            return UserAuthenticator.of(c.authenticator(), user);
        }
        throw SignetException.conflict("This passkey credential is already registered.");
    }

    /** After a verified sign-in: the new counter and backup state, and {@code lastVerifiedAt}. */
    public void recordAssertion(Jdbc jdbc, String tenantId, String authenticatorId, long signCount, boolean backedUp,
                                long at) {
        store.recordAssertion(jdbc, tenantId, authenticatorId, signCount, backedUp, at);
    }
}
