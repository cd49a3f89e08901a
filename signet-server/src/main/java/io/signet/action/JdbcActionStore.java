package io.signet.action;

import io.signet.store.Database;
import io.signet.store.Jdbc;
import io.signet.store.Row;
import io.signet.user.VerificationMethod;
import io.signet.wire.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/** {@link ActionStore} on SQLite or PostgreSQL. */
public final class JdbcActionStore implements ActionStore {
    private static final String COLUMNS = """
            tenant_id, idempotency_key, user_id, action_code, state, state_updated_at, verification_method,
            verified_by_authenticator_id, ip_address, user_agent, device_id, redirect_url, scope, rule_ids,
            decided_by_rule_id, decided_by_rule_version, explanation, rule_input, created_at, updated_at, locale""";

    private final Database db;

    public JdbcActionStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Action> find(String tenantId, String idempotencyKey) {
        return db.read(jdbc -> find(jdbc, tenantId, idempotencyKey));
    }

    @Override
    public Optional<Action> find(Jdbc jdbc, String tenantId, String idempotencyKey) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM actions WHERE tenant_id = ? AND idempotency_key = ?",
                JdbcActionStore::map, tenantId, idempotencyKey);
    }

    @Override
    public boolean insert(Jdbc jdbc, Action a) {
        boolean inserted = jdbc.update("INSERT INTO actions (" + COLUMNS + """
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, idempotency_key) DO NOTHING""",
                a.tenantId(), a.idempotencyKey(), a.userId(), a.actionCode(), a.state(), a.stateUpdatedAt(),
                a.verificationMethod(), a.verifiedByAuthenticatorId(), a.ipAddress(), a.userAgent(), a.deviceId(),
                a.redirectUrl(), a.scope(), Json.write(a.ruleIds()), a.decidedByRuleId(), a.decidedByRuleVersion(),
                Json.write(a.explanation()), Json.write(a.ruleInput()), a.createdAt(), a.updatedAt(), a.locale()) == 1;
        if (inserted) {
            KnownDevices.recordIfKnown(jdbc, a);
            ActionCounters.record(jdbc, a); // last: it locks the user's counter row until commit
        }
        return inserted;
    }

    @Override
    public boolean updateState(Jdbc jdbc, String tenantId, String key, ActionState from, ActionState to,
                               VerificationMethod method, String authenticatorId, long now) {
        boolean moved = jdbc.update("""
                UPDATE actions SET state = ?, state_updated_at = ?, updated_at = ?,
                       verification_method = COALESCE(?, verification_method),
                       verified_by_authenticator_id = COALESCE(?, verified_by_authenticator_id)
                 WHERE tenant_id = ? AND idempotency_key = ? AND state = ?""",
                to, now, now, method, authenticatorId, tenantId, key, from) == 1;
        if (moved) {
            KnownDevices.recordIfKnown(jdbc, tenantId, key, to, now);
        }
        return moved;
    }

    @Override
    public List<Action> query(String tenantId, String userId, ActionQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM actions WHERE tenant_id = ? AND user_id = ? AND created_at >= ?");
        List<Object> params = new ArrayList<>(List.of(tenantId, userId, q.fromMillis()));
        if (!q.codes().isEmpty()) {
            sql.append(" AND action_code IN (").append(Jdbc.placeholders(q.codes().size())).append(')');
            params.addAll(q.codes());
        }
        if (q.state() != null) {
            sql.append(" AND state = ?");
            params.add(q.state());
        }
        if (q.afterKey() != null) {
            // Keyset pagination in (created_at, idempotency_key) descending order.
            sql.append(" ").append("""
                    AND (created_at, idempotency_key) < (SELECT created_at, idempotency_key FROM actions
                         WHERE tenant_id = ? AND user_id = ? AND idempotency_key = ?)""");
            params.addAll(List.of(tenantId, userId, q.afterKey()));
        }
        sql.append(" ORDER BY created_at DESC, idempotency_key DESC LIMIT ?");
        params.add(q.limit());
        return db.read(jdbc -> jdbc.query(sql.toString(), JdbcActionStore::map, params.toArray()));
    }

    @Override
    public long countLastHour(String tenantId, String userId, String actionCode, long now) {
        return db.read(jdbc -> ActionCounters.count(jdbc, tenantId, userId, actionCode, now));
    }

    @Override
    public boolean deviceSeen(String tenantId, String userId, String deviceId) {
        return db.read(jdbc -> KnownDevices.isKnown(jdbc, tenantId, userId, deviceId));
    }

    private static Action map(Row r) {
        List<String> ruleIds = new ArrayList<>();
        Json.MAPPER.readTree(r.string("rule_ids")).forEach(n -> ruleIds.add(n.stringValue()));
        Long version = r.nullableLong("decided_by_rule_version");
        return new Action(r.string("tenant_id"), r.string("idempotency_key"), r.string("user_id"),
                r.string("action_code"), ActionState.valueOf(r.string("state")), r.longValue("state_updated_at"),
                VerificationMethod.parse(r.string("verification_method")), r.string("verified_by_authenticator_id"),
                r.string("ip_address"), r.string("user_agent"), r.string("device_id"), r.string("redirect_url"),
                r.string("scope"), ruleIds, r.string("decided_by_rule_id"),
                version == null ? null : version.intValue(), Json.MAPPER.readTree(r.string("explanation")),
                (ObjectNode) Json.MAPPER.readTree(r.string("rule_input")), r.longValue("created_at"),
                r.longValue("updated_at"), r.string("locale"));
    }
}
