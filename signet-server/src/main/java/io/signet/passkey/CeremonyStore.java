package io.signet.passkey;

import io.signet.store.Jdbc;
import java.util.Optional;

/** Storage of pending ceremonies; every method runs in the caller's transaction. */
public interface CeremonyStore {
    void insert(Jdbc jdbc, Ceremony c);

    /** The unexpired ceremony, left in place (options for a challenge started by POST /client/challenge). */
    Optional<Ceremony> find(Jdbc jdbc, String tenantId, String challengeId, long now);

    /**
     * Deletes and returns the unexpired ceremony in one statement, so of any number of concurrent
     * requests naming it exactly one gets it: a challenge is answered once.
     */
    Optional<Ceremony> consume(Jdbc jdbc, String tenantId, String challengeId, long now);

    /** Deletes the ceremonies that expired before {@code now}; returns how many. */
    int purgeExpired(Jdbc jdbc, long now);
}
