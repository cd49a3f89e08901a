package io.signet.webhook;

import io.signet.store.Database;
import io.signet.store.Jdbc;
import io.signet.store.Row;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@link EndpointStore} on SQLite or PostgreSQL. */
public final class JdbcEndpointStore implements EndpointStore {
    private static final String COLUMNS = "tenant_id, endpoint_id, url, event_types, enabled, created_at, updated_at";

    private final Database db;

    public JdbcEndpointStore(Database db) {
        this.db = db;
    }

    @Override
    public void create(WebhookEndpoint e) {
        db.write(jdbc -> jdbc.update("INSERT INTO webhook_endpoints (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                e.tenantId(), e.endpointId(), e.url(), String.join(",", e.eventTypes()), e.enabled(),
                e.createdAt(), e.updatedAt()));
    }

    @Override
    public boolean update(WebhookEndpoint e) {
        return db.write(jdbc -> jdbc.update("""
                UPDATE webhook_endpoints SET url = ?, event_types = ?, enabled = ?, updated_at = ?
                 WHERE tenant_id = ? AND endpoint_id = ?""",
                e.url(), String.join(",", e.eventTypes()), e.enabled(), e.updatedAt(), e.tenantId(),
                e.endpointId())) == 1;
    }

    @Override
    public boolean delete(String tenantId, String endpointId) {
        return db.write(jdbc -> jdbc.update("DELETE FROM webhook_endpoints WHERE tenant_id = ? AND endpoint_id = ?",
                tenantId, endpointId)) == 1;
    }

    @Override
    public Optional<WebhookEndpoint> find(String tenantId, String endpointId) {
        return db.read(jdbc -> jdbc.queryOne("SELECT " + COLUMNS
                        + " FROM webhook_endpoints WHERE tenant_id = ? AND endpoint_id = ?",
                JdbcEndpointStore::map, tenantId, endpointId));
    }

    @Override
    public List<WebhookEndpoint> list(String tenantId) {
        return db.read(jdbc -> list(jdbc, tenantId));
    }

    @Override
    public List<WebhookEndpoint> list(Jdbc jdbc, String tenantId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE tenant_id = ? ORDER BY endpoint_id",
                JdbcEndpointStore::map, tenantId);
    }

    private static WebhookEndpoint map(Row r) {
        return new WebhookEndpoint(r.string("tenant_id"), r.string("endpoint_id"), r.string("url"),
                Arrays.asList(r.string("event_types").split(",")), r.bool("enabled"), r.longValue("created_at"),
                r.longValue("updated_at"));
    }
}
