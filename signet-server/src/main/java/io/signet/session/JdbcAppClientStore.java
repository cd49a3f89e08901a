package io.signet.session;

import io.signet.store.Database;
import io.signet.store.Row;
import java.util.List;
import java.util.Optional;

/** {@link AppClientStore} on SQLite or PostgreSQL. */
public final class JdbcAppClientStore implements AppClientStore {
    private static final String COLUMNS = """
            tenant_id, client_id, name, access_token_lifetime, refresh_token_lifetime, created_at, updated_at""";

    private final Database db;

    public JdbcAppClientStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(AppClient c) {
        db.write(jdbc -> jdbc.update("INSERT INTO app_clients (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                c.tenantId(), c.clientId(), c.name(), c.accessTokenLifetime(), c.refreshTokenLifetime(),
                c.createdAt(), c.updatedAt()));
    }

    @Override
    public Optional<AppClient> find(String tenantId, String clientId) {
        return db.read(jdbc -> jdbc.queryOne("SELECT " + COLUMNS + " FROM app_clients WHERE tenant_id = ? AND client_id = ?",
                JdbcAppClientStore::map, tenantId, clientId));
    }

    @Override
    public List<AppClient> list(String tenantId) {
        return db.read(jdbc -> jdbc.query("SELECT " + COLUMNS + " FROM app_clients WHERE tenant_id = ? ORDER BY client_id",
                JdbcAppClientStore::map, tenantId));
    }

    @Override
    public boolean update(AppClient c) {
        return db.write(jdbc -> jdbc.update("""
                UPDATE app_clients SET name = ?, access_token_lifetime = ?, refresh_token_lifetime = ?, updated_at = ?
                 WHERE tenant_id = ? AND client_id = ?""",
                c.name(), c.accessTokenLifetime(), c.refreshTokenLifetime(), c.updatedAt(),
                c.tenantId(), c.clientId())) == 1;
    }

    @Override
    public boolean delete(String tenantId, String clientId) {
        return db.write(jdbc -> jdbc.update("DELETE FROM app_clients WHERE tenant_id = ? AND client_id = ?",
                tenantId, clientId)) == 1;
    }

    private static AppClient map(Row r) {
        return new AppClient(r.string("tenant_id"), r.string("client_id"), r.string("name"),
                r.longValue("access_token_lifetime"), r.longValue("refresh_token_lifetime"),
                r.longValue("created_at"), r.longValue("updated_at"));
    }
}
