package io.signet.action;

import io.signet.store.Jdbc;
import io.signet.user.VerificationMethod;
import java.util.List;
import java.util.Optional;

/** Storage of tracked actions. */
public interface ActionStore {
    /** The action with this idempotency key in the tenant, if any. */
    Optional<Action> find(String tenantId, String idempotencyKey);

    /** {@link #find(String, String)} in the caller's transaction. */
    Optional<Action> find(Jdbc jdbc, String tenantId, String idempotencyKey);

    /** Inserts in the caller's transaction; false when the key is already taken (nothing written). */
    boolean insert(Jdbc jdbc, Action action);

    /**
     * Moves the action from {@code from} to {@code to} if it is still in {@code from}, in the caller's
     * transaction; false otherwise.
     */
    boolean updateState(Jdbc jdbc, String tenantId, String idempotencyKey, ActionState from, ActionState to,
                        VerificationMethod method, String authenticatorId, long now);

    /** The user's actions matching the query, newest first. */
    List<Action> query(String tenantId, String userId, ActionQuery query);

    /**
     * How many actions the user tracked in the hour up to {@code now}, of one code or (null) of any, counted
     * in whole minutes ({@link ActionCounters}): one bounded read, whatever the user's history.
     */
    long countLastHour(String tenantId, String userId, String actionCode, long now);

    /**
     * Whether an earlier action of the user from {@code deviceId} was allowed or passed its challenge or
     * review; attempts that were blocked, failed or are still pending never make a device known, or an
     * attacker could make their own device known by simply trying twice.
     */
    boolean deviceSeen(String tenantId, String userId, String deviceId);
}
