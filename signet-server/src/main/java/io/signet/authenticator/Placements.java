package io.signet.authenticator;

import io.signet.authenticator.Placement.Created;
import io.signet.authenticator.Placement.CredentialTaken;
import io.signet.authenticator.Placement.Existing;
import io.signet.authenticator.StoredAuthenticator.SealedTotp;
import io.signet.authenticator.StoredAuthenticator.StoredPasskey;
import io.signet.crypto.Encryptor;
import io.signet.crypto.Ids;
import io.signet.store.Jdbc;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores enrollments, one or a batch chunk, in the caller's transaction, with a fixed number of statements
 * however many there are: read what the users already have, decide in memory in request order, insert the
 * new ones in one statement. Each request is then decided exactly as if stored one after another: a repeat
 * of an earlier request in the same call is {@link Existing}, a passkey credential another user took (in
 * the database or earlier in the call) is {@link CredentialTaken}.
 */
final class Placements {
    private static final Logger log = LoggerFactory.getLogger(Placements.class);
    private final AuthenticatorStore store;
    private final Encryptor encryptor;
    private final AuthenticatorEvents events;
    private final Clock clock;

    Placements(AuthenticatorStore store, Encryptor encryptor, AuthenticatorEvents events, Clock clock) {
        this.store = store;
        this.encryptor = encryptor;
        this.events = events;
        this.clock = clock;
    }

    /** One enrollment to store for {@code userId}; {@code matchKey} is {@link NewAuthenticator#matchKey}. */
    record Request(String userId, NewAuthenticator authenticator, String matchKey) {
        MatchKey key() {
            return new MatchKey(userId, authenticator.method(), matchKey);
        }
    }

    /** The placements, in request order. The users must exist. */
    List<Placement> place(Jdbc jdbc, String tenantId, List<Request> requests) {
        return place(jdbc, tenantId, requests, false);
    }

    /**
     * As {@link #place(Jdbc, String, List)}; with {@code pending}, new authenticators are stored pending and
     * nothing is published: their creation is announced when they are first verified.
     */
    List<Placement> place(Jdbc jdbc, String tenantId, List<Request> requests, boolean pending) {
        Set<String> userIds = new LinkedHashSet<>();
        Set<String> credentialIds = new LinkedHashSet<>();
        for (Request r : requests) {
            userIds.add(r.userId());
            if (r.authenticator().passkey() != null) {
                credentialIds.add(r.authenticator().passkey().credentialId());
            }
        }
        Map<MatchKey, StoredAuthenticator> enrolled = store.findByUsers(jdbc, tenantId, userIds);
        Map<String, String> credentialOwners = store.credentialOwners(jdbc, tenantId, credentialIds);
        Set<String> usersWithAny = new HashSet<>(); // verified ones: a pending authenticator is not enrolled yet
        enrolled.forEach((k, a) -> {
            if (!a.pending()) {
                usersWithAny.add(k.userId());
            }
        });

        long now = clock.millis();
        List<Placement> placements = new ArrayList<>(requests.size());
        List<StoredAuthenticator> fresh = new ArrayList<>();
        List<String> freshKeys = new ArrayList<>();
        List<StoredAuthenticator> confirmed = new ArrayList<>();
        for (Request r : requests) {
            StoredAuthenticator existing = enrolled.get(r.key());
            if (existing != null && existing.pending() && !pending
                    && store.confirm(jdbc, tenantId, r.userId(), existing.authenticatorId(), now)) {
                // Enrolled as verified while a Client API enrollment of it waited: that verifies it.
                existing = confirmed(existing, now);
                enrolled.put(r.key(), existing);
                confirmed.add(existing);
            }
            if (existing != null) {
                placements.add(new Existing(existing));
                continue;
            }
            NewAuthenticator n = r.authenticator();
            if (n.passkey() != null && credentialOwners.containsKey(n.passkey().credentialId())) {
                placements.add(new CredentialTaken());
                continue;
            }
            StoredAuthenticator a = create(tenantId, r, now, pending);
            placements.add(new Created(a, usersWithAny.add(r.userId())));
            enrolled.put(r.key(), a);
            if (n.passkey() != null) {
                credentialOwners.put(n.passkey().credentialId(), r.userId());
            }
            fresh.add(a);
            freshKeys.add(r.matchKey());
        }
        Set<String> inserted = store.insertAllIfAbsent(jdbc, tenantId, fresh, freshKeys);
        if (!confirmed.isEmpty()) {
            events.created(jdbc, tenantId, confirmed);
        }
        return settleRaces(jdbc, tenantId, requests, placements, inserted, pending);
    }

    /**
     * A request decided as {@link Created} whose insert found its row taken was beaten by a concurrent
     * transaction (PostgreSQL): it becomes what that winner left, as if it had come second. The events of
     * the rows really inserted are published here, in the same transaction.
     */
    private List<Placement> settleRaces(Jdbc jdbc, String tenantId, List<Request> requests, List<Placement> placements,
                                        Set<String> inserted, boolean pending) {
        List<StoredAuthenticator> created = new ArrayList<>();
        Map<String, Placement> lost = new HashMap<>(); // by the id of an authenticator that was never stored
        for (int i = 0; i < placements.size(); i++) {
            Placement p = placements.get(i);
            if (p instanceof Existing e && lost.containsKey(e.authenticator().authenticatorId())) {
                placements.set(i, lost.get(e.authenticator().authenticatorId())); // repeated a request that lost
            }
            if (!(p instanceof Created c)) {
                continue;
            }
            if (inserted.contains(c.authenticator().authenticatorId())) {
                log.debug("enrolled authenticator {} ({})", c.authenticator().authenticatorId(), c.authenticator().method());
                created.add(c.authenticator());
                continue;
            }
            Request r = requests.get(i);
            Placement winner = store.findByMatchKey(jdbc, tenantId, r.userId(), r.authenticator().method(), r.matchKey())
                    .<Placement>map(Existing::new)
                    .orElseGet(CredentialTaken::new);
            lost.put(c.authenticator().authenticatorId(), winner);
            placements.set(i, winner);
        }
        if (!pending) {
            events.created(jdbc, tenantId, created);
        }
        return placements;
    }

    private StoredAuthenticator create(String tenantId, Request r, long now, boolean pending) {
        NewAuthenticator n = r.authenticator();
        String id = Ids.timeOrdered(now);
        return new StoredAuthenticator(id, r.userId(), n.method(), n.email(), n.phoneNumber(),
                sealTotp(tenantId, id, n.totp()), passkey(n), now, now, null, pending);
    }

    /** The authenticator as {@link AuthenticatorStore#confirm} left it. */
    static StoredAuthenticator confirmed(StoredAuthenticator a, long at) {
        return new StoredAuthenticator(a.authenticatorId(), a.userId(), a.method(), a.email(), a.phoneNumber(),
                a.totp(), a.passkey(), a.createdAt(), at, at, false);
    }

    private SealedTotp sealTotp(String tenantId, String authenticatorId, OtpUri totp) {
        if (totp == null) {
            return null;
        }
        return new SealedTotp(encryptor.encrypt(totp.secretBase32(),
                AuthenticatorService.totpContext(tenantId, authenticatorId)),
                totp.issuer(), totp.account(), totp.algorithm(), totp.digits(), totp.period());
    }

    private static StoredPasskey passkey(NewAuthenticator n) {
        if (n.passkey() == null) {
            return null;
        }
        NewAuthenticator.PasskeyDetails d = n.passkeyDetails();
        return new StoredPasskey(n.passkey().credentialId(), n.passkey().publicKey(), n.passkey().algorithm(),
                d.name(), d.signCount(), d.aaguid(), d.transports(), d.client());
    }
}
