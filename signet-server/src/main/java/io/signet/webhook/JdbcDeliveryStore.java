package io.signet.webhook;

import io.signet.crypto.Ids;
import io.signet.store.Database;
import io.signet.store.Jdbc;
import io.signet.store.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link DeliveryStore} on SQLite or PostgreSQL. */
public final class JdbcDeliveryStore implements DeliveryStore {
    static final String ASYNC = "ASYNC";
    static final String SYNC = "SYNC";

    private final Database db;

    public JdbcDeliveryStore(Database db) {
        this.db = db;
    }

    @Override
    public long nextSequence(Jdbc jdbc, String tenantId) {
        // The upsert locks the tenant's counter row until the transaction ends: concurrent publishers queue
        // here, so numbers are handed out in commit order, and a rollback gives its number back.
        return jdbc.queryOne("""
                INSERT INTO webhook_sequences (tenant_id, last_sequence) VALUES (?, 1)
                ON CONFLICT (tenant_id) DO UPDATE SET last_sequence = webhook_sequences.last_sequence + 1
                RETURNING last_sequence""", r -> r.longValue("last_sequence"), tenantId).orElseThrow();
    }

    @Override
    public void insertEvent(Jdbc jdbc, Event e, String payload) {
        jdbc.update("""
                INSERT INTO webhook_events (tenant_id, event_id, sequence, type, user_id, payload, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                e.tenantId(), e.eventId(), e.sequence(), e.type(), e.userId(), payload, e.createdAt());
    }

    @Override
    public void insertPending(Jdbc jdbc, Event e, String deliveryId, String endpointId, String redeliveryOf, long now) {
        jdbc.update("""
                INSERT INTO webhook_deliveries (tenant_id, delivery_id, endpoint_id, event_id, user_key, sequence, mode,
                                                status, attempts, next_attempt_at, redelivery_of, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""",
                e.tenantId(), deliveryId, endpointId, e.eventId(), orderKey(e), e.sequence(), ASYNC,
                DeliveryStatus.PENDING, now, redeliveryOf, now, now);
    }

    /**
     * Deliveries with the same key are sent in sequence order: a user's events in the order they happened.
     * Log records promise no order (each carries its time), so each has a key of its own and a burst of them
     * goes out in batches rather than one per round.
     */
    private static String orderKey(Event e) {
        return EventTypes.LOG.contains(e.type()) ? "log:" + e.eventId() : userKey(e.userId());
    }

    private static String userKey(String userId) {
        return userId == null ? "" : userId;
    }

    @Override
    public List<Claim> claim(long now, String owner, long leaseUntil, int limit) {
        return db.write(jdbc -> {
            // Only the oldest pending delivery per endpoint and user is eligible, which keeps deliveries in
            // order per user; SKIP LOCKED lets other nodes claim other rows instead of waiting for these.
            List<String[]> due = jdbc.query("""
                    SELECT d.tenant_id, d.delivery_id FROM webhook_deliveries d
                     WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?
                       AND (d.lease_until IS NULL OR d.lease_until <= ?)
                       AND NOT EXISTS (SELECT 1 FROM webhook_deliveries o
                                        WHERE o.tenant_id = d.tenant_id AND o.endpoint_id = d.endpoint_id
                                          AND o.user_key = d.user_key AND o.status = 'PENDING'
                                          AND o.sequence < d.sequence)
                     ORDER BY d.next_attempt_at, d.sequence LIMIT ?""" + jdbc.dialect().forUpdateSkipLocked(),
                    r -> new String[] {r.string("tenant_id"), r.string("delivery_id")}, now, now, limit);
            List<Object[]> leases = new ArrayList<>();
            for (String[] d : due) {
                leases.add(new Object[] {owner, leaseUntil, d[0], d[1]});
            }
            jdbc.batch("UPDATE webhook_deliveries SET lease_owner = ?, lease_until = ? WHERE tenant_id = ? AND delivery_id = ?",
                    leases);
            List<Claim> claims = new ArrayList<>();
            for (String[] d : due) {
                claims.add(jdbc.queryOne("""
                        SELECT d.tenant_id, d.delivery_id, d.endpoint_id, d.attempts, p.url, e.payload, e.type
                          FROM webhook_deliveries d
                          JOIN webhook_endpoints p ON p.tenant_id = d.tenant_id AND p.endpoint_id = d.endpoint_id
                          JOIN webhook_events e ON e.tenant_id = d.tenant_id AND e.event_id = d.event_id
                         WHERE d.tenant_id = ? AND d.delivery_id = ?""",
                        r -> new Claim(r.string("tenant_id"), r.string("delivery_id"), r.string("endpoint_id"),
                                r.intValue("attempts"), r.string("url"), r.string("payload"), r.string("type")),
                                d[0], d[1])
                        .orElseThrow());
            }
            return claims;
        });
    }

    @Override
    public void recordAttempt(Claim c, AttemptResult result, long now, DeliveryStatus status, Long nextAttemptAt,
                              String owner) {
        db.write(jdbc -> {
            if (jdbc.count("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE tenant_id = ? AND delivery_id = ?",
                    c.tenantId(), c.deliveryId()) == 0) {
                return 0; // the endpoint was deleted during the attempt, and its log with it
            }
            insertAttempt(jdbc, c.tenantId(), c.deliveryId(), c.endpointId(), c.attempts() + 1, result, now);
            // Guarded by the lease: a node whose lease ran out and was taken over records its attempt, but
            // leaves the delivery's state to the node that holds it now.
            return jdbc.update("""
                    UPDATE webhook_deliveries
                       SET status = ?, attempts = attempts + 1, next_attempt_at = ?, lease_owner = NULL,
                           lease_until = NULL, updated_at = ?
                     WHERE tenant_id = ? AND delivery_id = ? AND lease_owner = ?""",
                    status, nextAttemptAt, now, c.tenantId(), c.deliveryId(), owner);
        });
    }

    private static void insertAttempt(Jdbc jdbc, String tenantId, String deliveryId, String endpointId, int attempt,
                                      AttemptResult r, long now) {
        jdbc.update("""
                INSERT INTO webhook_attempts (tenant_id, attempt_id, delivery_id, endpoint_id, attempt, attempted_at,
                                              succeeded, status_code, latency_ms, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                tenantId, Ids.timeOrdered(now), deliveryId, endpointId, attempt, now, r.succeeded(), r.statusCode(),
                r.latencyMillis(), r.error());
    }

    @Override
    public void release(Claim c, String owner) {
        db.write(jdbc -> jdbc.update("""
                UPDATE webhook_deliveries SET lease_owner = NULL, lease_until = NULL
                 WHERE tenant_id = ? AND delivery_id = ? AND lease_owner = ?""", c.tenantId(), c.deliveryId(), owner));
    }

    @Override
    public void recordSync(Event e, String endpointId, AttemptResult result, long now) {
        String deliveryId = Ids.timeOrdered(now);
        db.write(jdbc -> {
            jdbc.update("""
                    INSERT INTO webhook_events (tenant_id, event_id, sequence, type, user_id, payload, created_at)
                    VALUES (?, ?, NULL, ?, ?, NULL, ?)
                    ON CONFLICT (tenant_id, event_id) DO NOTHING""",
                    e.tenantId(), e.eventId(), e.type(), e.userId(), e.createdAt());
            jdbc.update("""
                    INSERT INTO webhook_deliveries (tenant_id, delivery_id, endpoint_id, event_id, user_key, sequence,
                                                    mode, status, attempts, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, NULL, ?, ?, 1, ?, ?)""",
                    e.tenantId(), deliveryId, endpointId, e.eventId(), userKey(e.userId()), SYNC,
                    result.succeeded() ? DeliveryStatus.SUCCEEDED : DeliveryStatus.FAILED, now, now);
            insertAttempt(jdbc, e.tenantId(), deliveryId, endpointId, 1, result, now);
            return null;
        });
    }

    @Override
    public DeliveryPage list(String tenantId, String endpointId, DeliveryStatus status, int limit, String after) {
        return db.read(jdbc -> {
            StringBuilder sql = new StringBuilder("""
                    SELECT d.delivery_id, d.event_id, e.type, d.sequence, d.mode, d.status, d.next_attempt_at,
                           d.created_at, d.redelivery_of, d.redelivered_by
                      FROM webhook_deliveries d
                      JOIN webhook_events e ON e.tenant_id = d.tenant_id AND e.event_id = d.event_id
                     WHERE d.tenant_id = ? AND d.endpoint_id = ?""");
            List<Object> params = new ArrayList<>(List.of(tenantId, endpointId));
            if (status != null) {
                sql.append(" AND d.status = ?");
                params.add(status);
            }
            if (after != null) {
                sql.append(" AND d.delivery_id < ?");
                params.add(after);
            }
            sql.append(" ORDER BY d.delivery_id DESC LIMIT ?");
            params.add(limit + 1);
            List<Delivery> page = jdbc.query(sql.toString(), JdbcDeliveryStore::mapDelivery, params.toArray());
            boolean more = page.size() > limit;
            List<Delivery> items = withAttempts(jdbc, tenantId, page.subList(0, Math.min(limit, page.size())));
            return new DeliveryPage(items, more ? items.getLast().deliveryId() : null);
        });
    }

    private static Delivery mapDelivery(Row r) {
        return Delivery.stored(r.string("delivery_id"), r.string("event_id"), r.string("type"),
                r.nullableLong("sequence"), r.string("mode"), DeliveryStatus.parse(r.string("status")),
                r.nullableLong("next_attempt_at"), r.longValue("created_at"), r.string("redelivery_of"),
                r.string("redelivered_by"));
    }

    private static List<Delivery> withAttempts(Jdbc jdbc, String tenantId, List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Map<String, List<Attempt>> byDelivery = new LinkedHashMap<>();
        jdbc.queryIn("SELECT delivery_id, attempt, attempted_at, succeeded, status_code, latency_ms, error"
                        + " FROM webhook_attempts WHERE tenant_id = ? AND delivery_id IN", tenantId,
                deliveries.stream().map(Delivery::deliveryId).toList(),
                r -> byDelivery.computeIfAbsent(r.string("delivery_id"), k -> new ArrayList<>())
                        .add(Attempt.stored(r.intValue("attempt"), r.longValue("attempted_at"),
                                r.bool("succeeded"), r.nullableLong("status_code") == null ? null
                                : r.intValue("status_code"), r.longValue("latency_ms"), r.string("error"))));
        byDelivery.values().forEach(attempts -> attempts.sort(Comparator.comparingInt(Attempt::attempt)));
        return deliveries.stream()
                .map(d -> d.withAttempts(byDelivery.getOrDefault(d.deliveryId(), List.of())))
                .toList();
    }

    @Override
    public Redelivery redeliverEvent(String tenantId, String endpointId, String eventId, long now) {
        return db.write(jdbc -> {
            Optional<Event> event = storedEvent(jdbc, tenantId, eventId);
            if (event.isEmpty()) {
                return new Redelivery.NoSuchEvent();
            }
            if (jdbc.count("""
                    SELECT COUNT(*) AS n FROM webhook_deliveries
                     WHERE tenant_id = ? AND endpoint_id = ? AND event_id = ? AND status = 'PENDING'""",
                    tenantId, endpointId, eventId) > 0) {
                // Two pending deliveries of one event could be sent at the same time; one is enough.
                return new Redelivery.StillPending();
            }
            String previous = jdbc.queryOne("""
                    SELECT delivery_id FROM webhook_deliveries
                     WHERE tenant_id = ? AND endpoint_id = ? AND event_id = ? AND redelivered_by IS NULL""",
                    r -> r.string("delivery_id"), tenantId, endpointId, eventId).orElse(null);
            return new Redelivery.Queued(queueAgain(jdbc, event.get(), endpointId, previous, now));
        });
    }

    @Override
    public List<String> redeliverFailed(String tenantId, String endpointId, long since, long now) {
        return db.write(jdbc -> {
            List<String[]> failed = jdbc.query("""
                    SELECT delivery_id, event_id FROM webhook_deliveries
                     WHERE tenant_id = ? AND endpoint_id = ? AND mode = 'ASYNC' AND status = 'FAILED'
                       AND redelivered_by IS NULL AND created_at >= ?
                     ORDER BY sequence""",
                    r -> new String[] {r.string("delivery_id"), r.string("event_id")}, tenantId, endpointId, since);
            List<String> queued = new ArrayList<>();
            for (String[] f : failed) {
                queued.add(queueAgain(jdbc, storedEvent(jdbc, tenantId, f[1]).orElseThrow(), endpointId, f[0], now));
            }
            return queued;
        });
    }

    private String queueAgain(Jdbc jdbc, Event event, String endpointId, String previous, long now) {
        String deliveryId = Ids.timeOrdered(now);
        jdbc.update("UPDATE webhook_deliveries SET redelivered_by = ? WHERE tenant_id = ? AND delivery_id = ?",
                deliveryId, event.tenantId(), previous);
        insertPending(jdbc, event, deliveryId, endpointId, previous, now);
        return deliveryId;
    }

    /** The stored event, with sequence and user for ordering; its body stays in the table. */
    private static Optional<Event> storedEvent(Jdbc jdbc, String tenantId, String eventId) {
        return jdbc.queryOne("""
                SELECT event_id, sequence, type, user_id, created_at FROM webhook_events
                 WHERE tenant_id = ? AND event_id = ? AND payload IS NOT NULL""",
                r -> new Event(r.string("event_id"), tenantId, r.string("user_id"), r.string("type"), Map.of(),
                        r.longValue("created_at"), r.nullableLong("sequence")), tenantId, eventId);
    }

    @Override
    public long oldestDueLagMillis(long now) {
        return db.read(jdbc -> jdbc.count("""
                SELECT ? - COALESCE(MIN(next_attempt_at), ?) AS n FROM webhook_deliveries
                 WHERE status = 'PENDING' AND next_attempt_at <= ?""", now, now, now));
    }

    @Override
    public int purgeBefore(long cutoff) {
        return db.write(jdbc -> jdbc.update("""
                DELETE FROM webhook_events
                 WHERE created_at < ?
                   AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d
                                    WHERE d.tenant_id = webhook_events.tenant_id AND d.event_id = webhook_events.event_id
                                      AND d.status = 'PENDING')""", cutoff));
    }

    @Override
    public EndpointHealth health(String tenantId, String endpointId, long since, int windowHours) {
        return db.read(jdbc -> {
            long attempts = jdbc.count("""
                    SELECT COUNT(*) AS n FROM webhook_attempts
                     WHERE tenant_id = ? AND endpoint_id = ? AND attempted_at >= ?""", tenantId, endpointId, since);
            long succeeded = jdbc.count("""
                    SELECT COUNT(*) AS n FROM webhook_attempts
                     WHERE tenant_id = ? AND endpoint_id = ? AND attempted_at >= ? AND succeeded = ?""",
                    tenantId, endpointId, since, true);
            return EndpointHealth.of(endpointId, windowHours, attempts,
                    attempts == 0 ? null : (double) succeeded / attempts,
                    lastAttempt(jdbc, tenantId, endpointId, true), lastAttempt(jdbc, tenantId, endpointId, false),
                    countDeliveries(jdbc, tenantId, endpointId, "status = 'PENDING'"),
                    countDeliveries(jdbc, tenantId, endpointId, "status = 'FAILED' AND redelivered_by IS NULL"));
        });
    }

    private static Long lastAttempt(Jdbc jdbc, String tenantId, String endpointId, boolean succeeded) {
        // MAX always yields one row, NULL when there was no such attempt.
        return jdbc.query("""
                SELECT MAX(attempted_at) AS last FROM webhook_attempts
                 WHERE tenant_id = ? AND endpoint_id = ? AND succeeded = ?""",
                r -> r.nullableLong("last"), tenantId, endpointId, succeeded).getFirst();
    }

    private static long countDeliveries(Jdbc jdbc, String tenantId, String endpointId, String condition) {
        return jdbc.count("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE tenant_id = ? AND endpoint_id = ? AND "
                + condition, tenantId, endpointId);
    }
}
