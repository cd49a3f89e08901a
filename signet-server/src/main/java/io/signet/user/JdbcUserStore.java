package io.signet.user;

import io.signet.store.Database;
import io.signet.store.Jdbc;
import io.signet.store.Row;
import io.signet.wire.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/** {@link UserStore} on SQLite or PostgreSQL. */
public final class JdbcUserStore implements UserStore {
    private static final String COLUMNS = """
            tenant_id, user_id, email, email_verified, phone_number, phone_number_verified, username,
            display_name, custom, locale, default_verification_method, created_at, updated_at""";

    private final Database db;

    public JdbcUserStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<User> find(String tenantId, String userId) {
        return db.read(jdbc -> find(jdbc, tenantId, userId));
    }

    @Override
    public Optional<User> find(Jdbc jdbc, String tenantId, String userId) {
        return find(jdbc, tenantId, userId, "");
    }

    /** The user row; {@code lock} is appended, e.g. the dialect's {@code FOR UPDATE}. */
    private static Optional<User> find(Jdbc jdbc, String tenantId, String userId, String lock) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM users WHERE tenant_id = ? AND user_id = ?" + lock,
                JdbcUserStore::map, tenantId, userId);
    }

    @Override
    public Map<String, User> findAll(Jdbc jdbc, String tenantId, Collection<String> userIds) {
        Map<String, User> found = new HashMap<>();
        jdbc.queryIn("SELECT " + COLUMNS + " FROM users WHERE tenant_id = ? AND user_id IN", tenantId, userIds,
                JdbcUserStore::map).forEach(u -> found.put(u.userId(), u));
        return found;
    }

    @Override
    public void ensureAllExist(Jdbc jdbc, String tenantId, Collection<String> userIds, long now) {
        if (userIds.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>(userIds.size() * 4);
        for (String userId : userIds) {
            Collections.addAll(params, tenantId, userId, now, now);
        }
        jdbc.update("INSERT INTO users (tenant_id, user_id, created_at, updated_at) VALUES "
                + Jdbc.rows(userIds.size(), 4) + " ON CONFLICT (tenant_id, user_id) DO NOTHING", params.toArray());
    }

    @Override
    public User upsert(Jdbc jdbc, String tenantId, String userId, UserChanges changes, long now, boolean lock) {
        ensureAllExist(jdbc, tenantId, List.of(userId), now);
        // Only the columns the caller sent are written, so concurrent updates of different fields
        // never overwrite each other with stale values.
        List<String> sets = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (changes.email() != null) {
            sets.add("email = ?");
            params.add(emptyToNull(changes.email()));
            sets.add("email_normalized = ?");
            params.add(Contacts.normalizeEmail(emptyToNull(changes.email())));
        }
        set(sets, params, "email_verified", changes.emailVerified());
        if (changes.phoneNumber() != null) {
            set(sets, params, "phone_number", emptyToNull(changes.phoneNumber()));
        }
        set(sets, params, "phone_number_verified", changes.phoneNumberVerified());
        if (changes.username() != null) {
            set(sets, params, "username", emptyToNull(changes.username()));
        }
        if (changes.displayName() != null) {
            set(sets, params, "display_name", emptyToNull(changes.displayName()));
        }
        if (changes.custom() != null) {
            set(sets, params, "custom", Json.write(changes.custom()));
        }
        if (changes.locale() != null) {
            set(sets, params, "locale", emptyToNull(changes.locale()));
        }
        set(sets, params, "default_verification_method", changes.defaultVerificationMethod());
        if (!sets.isEmpty()) {
            sets.add("updated_at = ?");
            params.add(now);
            params.add(tenantId);
            params.add(userId);
            jdbc.update("UPDATE users SET " + String.join(", ", sets) + " WHERE tenant_id = ? AND user_id = ?",
                    params.toArray());
        }
        // the read that returns the row also locks it: one round trip, not two
        return find(jdbc, tenantId, userId, lock ? jdbc.dialect().forUpdate() : "").orElseThrow();
    }

    private static void set(List<String> sets, List<Object> params, String column, Object value) {
        if (value != null) {
            sets.add(column + " = ?");
            params.add(value);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public boolean delete(String tenantId, String userId) {
        return db.write(jdbc -> jdbc.update("DELETE FROM users WHERE tenant_id = ? AND user_id = ?",
                tenantId, userId)) == 1;
    }

    @Override
    public List<User> query(Jdbc jdbc, String tenantId, UserQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM users WHERE tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(tenantId));
        if (q.email() != null) {
            sql.append(" AND email_normalized = ?");
            params.add(Contacts.normalizeEmail(q.email()));
        }
        if (q.phoneNumber() != null) {
            sql.append(" AND phone_number = ?");
            params.add(q.phoneNumber());
        }
        if (q.username() != null) {
            sql.append(" AND username = ?");
            params.add(q.username());
        }
        if (q.afterUserId() != null) {
            sql.append(" AND user_id > ?");
            params.add(q.afterUserId());
        }
        sql.append(" ORDER BY user_id LIMIT ?");
        params.add(q.limit() + 1);
        return jdbc.query(sql.toString(), JdbcUserStore::map, params.toArray());
    }

    private static User map(Row r) {
        String custom = r.string("custom");
        return new User(
                r.string("tenant_id"),
                r.string("user_id"),
                r.string("email"),
                r.bool("email_verified"),
                r.string("phone_number"),
                r.bool("phone_number_verified"),
                r.string("username"),
                r.string("display_name"),
                custom == null ? null : (ObjectNode) Json.MAPPER.readTree(custom),
                r.string("locale"),
                VerificationMethod.parse(r.string("default_verification_method")),
                r.longValue("created_at"),
                r.longValue("updated_at"));
    }
}
