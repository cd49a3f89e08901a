package io.signet.action;

import io.signet.store.Dialect;
import io.signet.store.Jdbc;
import java.time.Duration;

/**
 * Per-user action counts in one-minute buckets, so {@code counts.actionsLastHour} and
 * {@code counts.actionCodeLastHour} cost the same for a user with 100,000 actions as for a new one.
 *
 * <p>Each action adds one to its minute's bucket, for its own code and for {@link #ANY_CODE}, in the
 * transaction that inserts it. A count sums the current minute's bucket and the {@link #WINDOW_MINUTES}
 * whole minutes before it: never fewer actions than the exact last hour, at most one minute more. Buckets
 * live in {@link #SLOTS} rows per user and code, reused round-robin (the slot of minute m is
 * {@code m % SLOTS}), so a user's rows never grow past 61 per code (and stripe) and nothing has to purge
 * them; a count reads only slots whose bucket is inside the window, so a reused slot's old minute is never counted.
 *
 * <p>On PostgreSQL each slot is split into {@link #PG_STRIPES} rows, the stripe chosen by the database
 * connection ({@code pg_backend_pid()}): the upsert locks its row until commit, and with one row per minute
 * every concurrent track of one busy user waited for the transaction before it (measured: its transactions
 * queued on {@code Lock:transactionid} behind holders idle in transaction). Transactions on different
 * connections then rarely share a row. The upsert is the last statement of the insert, so the lock is held
 * as briefly as the transaction allows. SQLite has one writer anyway, so one stripe.
 */
final class ActionCounters {
    static final Duration BUCKET = Duration.ofMinutes(1);
    static final int WINDOW_MINUTES = 60;
    static final int SLOTS = WINDOW_MINUTES + 1;
    /** The row counting every code; action codes are letters, digits, '_' and '-', so never this. */
    static final String ANY_CODE = "*";
    static final int PG_STRIPES = 8;

    private ActionCounters() {
    }

    /** Counts the action in the caller's transaction: its code's row and the any-code row, one statement. */
    static void record(Jdbc jdbc, Action a) {
        long minute = Math.floorDiv(a.createdAt(), BUCKET.toMillis());
        int slot = Math.floorMod(minute, SLOTS);
        long bucketStart = minute * BUCKET.toMillis();
        String stripe = jdbc.dialect() == Dialect.SQLITE ? "0" : "pg_backend_pid() % " + PG_STRIPES;
        // An older action arriving after its slot was reused by a newer minute is outside every window that
        // slot can still answer for: it is dropped, not added to the newer minute.
        jdbc.update("""
                INSERT INTO action_counts (tenant_id, user_id, action_code, slot, stripe, bucket_start, actions)
                VALUES (?, ?, ?, ?, %1$s, ?, 1), (?, ?, ?, ?, %1$s, ?, 1)
                ON CONFLICT (tenant_id, user_id, action_code, slot, stripe) DO UPDATE SET
                  actions = CASE WHEN action_counts.bucket_start = excluded.bucket_start THEN action_counts.actions + 1
                                 WHEN action_counts.bucket_start < excluded.bucket_start THEN 1
                                 ELSE action_counts.actions END,
                  bucket_start = CASE WHEN action_counts.bucket_start < excluded.bucket_start
                                      THEN excluded.bucket_start ELSE action_counts.bucket_start END""".formatted(stripe),
                a.tenantId(), a.userId(), a.actionCode(), slot, bucketStart,
                a.tenantId(), a.userId(), ANY_CODE, slot, bucketStart);
    }

    /** The user's actions of {@code actionCode} (null: any) in the window ending at {@code now}. */
    static long count(Jdbc jdbc, String tenantId, String userId, String actionCode, long now) {
        return jdbc.count("""
                SELECT COALESCE(SUM(actions), 0) AS n FROM action_counts
                 WHERE tenant_id = ? AND user_id = ? AND action_code = ? AND bucket_start >= ? AND bucket_start <= ?""",
                tenantId, userId, actionCode == null ? ANY_CODE : actionCode, windowStart(now), now);
    }

    /** The start of the oldest minute counted at {@code now}. */
    static long windowStart(long now) {
        return (Math.floorDiv(now, BUCKET.toMillis()) - WINDOW_MINUTES) * BUCKET.toMillis();
    }
}
