package io.signet.lockout;

import io.signet.store.Jdbc;
import java.time.Duration;
import java.util.List;

/**
 * Consecutive verification failures per user and per authenticator, shared by every verify path (Server API
 * codes, Client API codes, passkey assertions) and by every node. A per-challenge attempt limit alone lets
 * each new challenge bring fresh guesses; these counters survive new challenges and only a success resets
 * them (NIST SP 800-63B-4 §3.2.2 allows at most 100; Signet stops at {@value #LIMIT}).
 *
 * <p>An attempt is counted before the secret is compared, by one conditional upsert per key: the first
 * {@value #LIMIT} consecutive failures count at once; from then on each further attempt must wait a back-off
 * that starts at {@link #FIRST_BACKOFF} and doubles per failure up to {@link #MAX_BACKOFF}. A success deletes
 * the counters, so the counted attempt that succeeded leaves nothing behind.
 */
public final class FailureCounters {
    public static final int LIMIT = 20;
    public static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    private static final int MAX_DOUBLINGS = 10;
    public static final Duration MAX_BACKOFF = FIRST_BACKOFF.multipliedBy(1L << MAX_DOUBLINGS);

    /** Thrown in the caller's transaction when a key is locked, so that everything counted with it rolls back. */
    public static final class Locked extends RuntimeException {
        Locked() {
            super("too many consecutive failed verifications", null, false, false);
        }
    }

    // The WHERE of the upsert is the limit: on PostgreSQL concurrent upserts of one row queue on its lock and
    // re-check the condition, on SQLite the single writer serialises them. The shift is the back-off.
    private static final String COUNT = """
            INSERT INTO failure_counters (tenant_id, counter_key, failures, not_before, updated_at)
            VALUES (?, ?, 1, 0, ?)
            ON CONFLICT (tenant_id, counter_key) DO UPDATE SET
                failures = failure_counters.failures + 1,
                not_before = CASE WHEN failure_counters.failures + 1 < %1$d THEN 0
                    ELSE ? + (CAST(%2$d AS BIGINT) << CASE WHEN failure_counters.failures + 1 - %1$d > %3$d
                        THEN %3$d ELSE failure_counters.failures + 1 - %1$d END) END,
                updated_at = ?
            WHERE failure_counters.not_before <= ?""".formatted(LIMIT, FIRST_BACKOFF.toMillis(), MAX_DOUBLINGS);

    /** The counter key of a user. */
    public static String user(String userId) {
        return "user:" + userId;
    }

    /** The counter key of a passkey. */
    public static String passkey(String authenticatorId) {
        return "passkey:" + authenticatorId;
    }

    /** The counter key of an address codes are sent to (an authenticator, enrolled or not). */
    public static String recipient(String method, String address) {
        return "recipient:" + method + ":" + address;
    }

    /**
     * Counts one attempt against each key, in the caller's transaction, before the secret is compared.
     * Throws {@link Locked} (rolling the transaction back) when any key must wait.
     */
    public void count(Jdbc jdbc, String tenantId, List<String> keys, long now) {
        for (String key : keys) {
            if (jdbc.update(COUNT, tenantId, key, now, now, now, now) != 1) {
                throw new Locked();
            }
        }
    }

    /** A success: the keys' consecutive failures start again from zero. In the caller's transaction. */
    public void reset(Jdbc jdbc, String tenantId, List<String> keys) {
        for (String key : keys) {
            jdbc.update("DELETE FROM failure_counters WHERE tenant_id = ? AND counter_key = ?", tenantId, key);
        }
    }

    /**
     * Whether any key must wait out a back-off now, so that {@link #count} would throw {@link Locked}; reads
     * only. For deciding before a transaction whether a network call is worth making.
     */
    public boolean mustWait(Jdbc jdbc, String tenantId, List<String> keys, long now) {
        for (String key : keys) {
            if (jdbc.count("SELECT COUNT(*) AS n FROM failure_counters WHERE tenant_id = ? AND counter_key = ?"
                    + " AND not_before > ?", tenantId, key, now) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The failures counted against a key now (0 when none): for tests and diagnostics. */
    public int failures(Jdbc jdbc, String tenantId, String key) {
        return jdbc.queryOne("SELECT failures FROM failure_counters WHERE tenant_id = ? AND counter_key = ?",
                r -> r.intValue("failures"), tenantId, key).orElse(0);
    }
}
