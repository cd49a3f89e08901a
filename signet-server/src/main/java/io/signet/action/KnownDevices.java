package io.signet.action;

import io.signet.store.Jdbc;
import java.util.Set;

/**
 * The devices of each user that an action made known ({@code device.isKnown}): one row per user and device,
 * written in the transaction that records an allowed or successfully challenged or reviewed action, so the
 * lookup is one key read however many actions, blocked or not, came from that device before.
 */
final class KnownDevices {
    /** Attempts that were blocked, failed or are pending never make a device known (see ActionStore). */
    static final Set<ActionState> MAKE_KNOWN = Set.of(ActionState.ALLOW, ActionState.CHALLENGE_SUCCEEDED,
            ActionState.REVIEW_SUCCEEDED);

    private KnownDevices() {
    }

    /** Records the action's device when its new state makes it known; in the caller's transaction. */
    static void recordIfKnown(Jdbc jdbc, Action a) {
        if (a.deviceId() != null && MAKE_KNOWN.contains(a.state())) {
            jdbc.update("""
                    INSERT INTO known_devices (tenant_id, user_id, device_id, first_known_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (tenant_id, user_id, device_id) DO NOTHING""",
                    a.tenantId(), a.userId(), a.deviceId(), a.stateUpdatedAt());
        }
    }

    /** The same for an action moved to {@code to} by its key, reading its user and device from the row. */
    static void recordIfKnown(Jdbc jdbc, String tenantId, String idempotencyKey, ActionState to, long now) {
        if (MAKE_KNOWN.contains(to)) {
            jdbc.update("""
                    INSERT INTO known_devices (tenant_id, user_id, device_id, first_known_at)
                    SELECT tenant_id, user_id, device_id, ? FROM actions
                     WHERE tenant_id = ? AND idempotency_key = ? AND device_id IS NOT NULL
                    ON CONFLICT (tenant_id, user_id, device_id) DO NOTHING""", now, tenantId, idempotencyKey);
        }
    }

    static boolean isKnown(Jdbc jdbc, String tenantId, String userId, String deviceId) {
        return jdbc.queryOne("SELECT 1 AS known FROM known_devices WHERE tenant_id = ? AND user_id = ? AND device_id = ?",
                r -> true, tenantId, userId, deviceId).isPresent();
    }
}
