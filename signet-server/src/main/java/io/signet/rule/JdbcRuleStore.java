package io.signet.rule;

import io.signet.store.Database;
import io.signet.store.Jdbc;
import io.signet.store.Row;
import io.signet.user.VerificationMethod;
import io.signet.wire.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/** {@link RuleStore} on SQLite or PostgreSQL. */
public final class JdbcRuleStore implements RuleStore {
    private static final String COLUMNS = """
            tenant_id, rule_id, action_code, name, description, condition, priority, outcome,
            allowed_verification_methods, default_verification_method, enabled, version, created_at, updated_at""";

    private final Database db;

    public JdbcRuleStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Rule r) {
        db.write(jdbc -> jdbc.update("INSERT INTO rules (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.tenantId(), r.ruleId(), r.actionCode(), r.name(), r.description(), Json.write(r.condition()),
                r.priority(), r.outcome(), methods(r.allowedVerificationMethods()), r.defaultVerificationMethod(),
                r.enabled(), r.version(), r.createdAt(), r.updatedAt()));
    }

    @Override
    public Optional<Rule> find(String tenantId, String ruleId) {
        return db.read(jdbc -> find(jdbc, tenantId, ruleId, ""));
    }

    private static Optional<Rule> find(Jdbc jdbc, String tenantId, String ruleId, String lock) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM rules WHERE tenant_id = ? AND rule_id = ?" + lock,
                JdbcRuleStore::map, tenantId, ruleId);
    }

    @Override
    public List<Rule> list(String tenantId, String actionCode) {
        return db.read(jdbc -> actionCode == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM rules WHERE tenant_id = ? ORDER BY priority DESC, rule_id",
                        JdbcRuleStore::map, tenantId)
                : jdbc.query("SELECT " + COLUMNS + " " + """
                        FROM rules WHERE tenant_id = ? AND (action_code = ? OR action_code IS NULL)
                        ORDER BY priority DESC, rule_id""", JdbcRuleStore::map, tenantId, actionCode));
    }

    @Override
    public Optional<Rule> update(String tenantId, String ruleId, UnaryOperator<Rule> change) {
        return db.write(jdbc -> find(jdbc, tenantId, ruleId, jdbc.dialect().forUpdate()).map(current -> {
            Rule r = change.apply(current);
            jdbc.update("""
                    UPDATE rules SET action_code = ?, name = ?, description = ?, condition = ?, priority = ?,
                           outcome = ?, allowed_verification_methods = ?, default_verification_method = ?,
                           enabled = ?, version = ?, updated_at = ?
                     WHERE tenant_id = ? AND rule_id = ?""",
                    r.actionCode(), r.name(), r.description(), Json.write(r.condition()), r.priority(), r.outcome(),
                    methods(r.allowedVerificationMethods()), r.defaultVerificationMethod(), r.enabled(), r.version(),
                    r.updatedAt(), tenantId, ruleId);
            return r;
        }));
    }

    @Override
    public boolean delete(String tenantId, String ruleId) {
        return db.write(jdbc -> jdbc.update("DELETE FROM rules WHERE tenant_id = ? AND rule_id = ?",
                tenantId, ruleId)) == 1;
    }

    @Override
    public Optional<Outcome> defaultOutcome(String tenantId, String actionCode) {
        return db.read(jdbc -> jdbc.queryOne("""
                SELECT default_outcome FROM action_configurations WHERE tenant_id = ? AND action_code = ?""",
                row -> Outcome.valueOf(row.string("default_outcome")), tenantId, actionCode));
    }

    @Override
    public void setDefaultOutcome(String tenantId, String actionCode, Outcome outcome, long now) {
        db.write(jdbc -> outcome == null
                ? jdbc.update("DELETE FROM action_configurations WHERE tenant_id = ? AND action_code = ?",
                        tenantId, actionCode)
                : jdbc.update("""
                        INSERT INTO action_configurations (tenant_id, action_code, default_outcome, updated_at)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (tenant_id, action_code)
                        DO UPDATE SET default_outcome = excluded.default_outcome, updated_at = excluded.updated_at""",
                        tenantId, actionCode, outcome, now));
    }

    @Override
    public List<ActionConfiguration> configurations(String tenantId) {
        return db.read(jdbc -> jdbc.query("""
                SELECT action_code, default_outcome FROM action_configurations WHERE tenant_id = ? ORDER BY action_code""",
                row -> new ActionConfiguration(row.string("action_code"), Outcome.valueOf(row.string("default_outcome"))),
                tenantId));
    }

    private static String methods(List<VerificationMethod> methods) {
        return methods == null ? null : Json.write(methods);
    }

    private static Rule map(Row r) {
        String allowed = r.string("allowed_verification_methods");
        List<VerificationMethod> methods = null;
        if (allowed != null) {
            methods = new ArrayList<>();
            for (JsonNode m : Json.MAPPER.readTree(allowed)) {
                methods.add(VerificationMethod.valueOf(m.stringValue()));
            }
        }
        return new Rule(r.string("tenant_id"), r.string("rule_id"), r.string("action_code"), r.string("name"),
                r.string("description"), Json.MAPPER.readTree(r.string("condition")), r.intValue("priority"),
                Outcome.valueOf(r.string("outcome")), methods,
                VerificationMethod.parse(r.string("default_verification_method")), r.bool("enabled"),
                r.intValue("version"), r.longValue("created_at"), r.longValue("updated_at"));
    }
}
