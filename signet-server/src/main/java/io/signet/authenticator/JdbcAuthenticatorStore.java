package io.signet.authenticator;

import io.signet.authenticator.StoredAuthenticator.SealedTotp;
import io.signet.authenticator.StoredAuthenticator.StoredPasskey;
import io.signet.store.Dialect;
import io.signet.store.Jdbc;
import io.signet.store.Row;
import io.signet.user.VerificationMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link AuthenticatorStore} on SQLite or PostgreSQL (the SQL below is valid in both). */
public final class JdbcAuthenticatorStore implements AuthenticatorStore {
    private static final String COLUMNS = """
            authenticator_id, user_id, verification_method, email, phone_number, totp_secret_sealed, totp_issuer,
            totp_account, totp_algorithm, totp_digits, totp_period, credential_id, credential_public_key,
            credential_algorithm, credential_name, sign_count, aaguid, transports, created_at, verified_at,
            last_verified_at, pending, backup_eligible, backed_up, authenticator_attachment, device_id,
            user_agent, user_handle""";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM authenticators ";
    /** tenant_id, match_key and {@link #COLUMNS}. */
    private static final int INSERTED_COLUMNS = 30;

    @Override
    public List<StoredAuthenticator> list(Jdbc jdbc, String tenantId, String userId) {
        return jdbc.query(SELECT + "WHERE tenant_id = ? AND user_id = ? ORDER BY created_at, authenticator_id",
                JdbcAuthenticatorStore::map, tenantId, userId);
    }

    @Override
    public Optional<StoredAuthenticator> find(Jdbc jdbc, String tenantId, String userId, String authenticatorId) {
        return jdbc.queryOne(SELECT + "WHERE tenant_id = ? AND authenticator_id = ? AND user_id = ?",
                JdbcAuthenticatorStore::map, tenantId, authenticatorId, userId);
    }

    @Override
    public Optional<StoredAuthenticator> findByMatchKey(Jdbc jdbc, String tenantId, String userId,
                                                        VerificationMethod method, String matchKey) {
        return jdbc.queryOne(SELECT + "WHERE tenant_id = ? AND user_id = ? AND verification_method = ? AND match_key = ?",
                JdbcAuthenticatorStore::map, tenantId, userId, method, matchKey);
    }

    @Override
    public Map<MatchKey, StoredAuthenticator> findByUsers(Jdbc jdbc, String tenantId, Collection<String> userIds) {
        Map<MatchKey, StoredAuthenticator> found = new HashMap<>();
        jdbc.queryIn("SELECT match_key, " + COLUMNS + " FROM authenticators WHERE tenant_id = ? AND user_id IN",
                tenantId, userIds, row -> {
                    StoredAuthenticator a = map(row);
                    return Map.entry(new MatchKey(a.userId(), a.method(), row.string("match_key")), a);
                }).forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    @Override
    public Map<String, String> credentialOwners(Jdbc jdbc, String tenantId, Collection<String> credentialIds) {
        Map<String, String> owners = new HashMap<>();
        jdbc.queryIn("SELECT credential_id, user_id FROM authenticators WHERE tenant_id = ? AND credential_id IN",
                tenantId, credentialIds, row -> Map.entry(row.string("credential_id"), row.string("user_id")))
                .forEach(e -> owners.put(e.getKey(), e.getValue()));
        return owners;
    }

    @Override
    public Set<String> insertAllIfAbsent(Jdbc jdbc, String tenantId, List<StoredAuthenticator> authenticators,
                                         List<String> matchKeys) {
        if (authenticators.isEmpty()) {
            return Set.of();
        }
        List<Object> params = new ArrayList<>(authenticators.size() * INSERTED_COLUMNS);
        for (int i = 0; i < authenticators.size(); i++) {
            addValues(params, tenantId, authenticators.get(i), matchKeys.get(i));
        }
        // ON CONFLICT without a target covers both unique constraints; RETURNING names the rows inserted.
        return new HashSet<>(jdbc.query("INSERT INTO authenticators (tenant_id, match_key, " + COLUMNS + ") VALUES "
                        + Jdbc.rows(authenticators.size(), INSERTED_COLUMNS)
                        + " ON CONFLICT DO NOTHING RETURNING authenticator_id",
                row -> row.string("authenticator_id"), params.toArray()));
    }

    private static void addValues(List<Object> params, String tenantId, StoredAuthenticator a, String matchKey) {
        SealedTotp t = a.totp();
        StoredPasskey p = a.passkey();
        Collections.addAll(params, tenantId, matchKey, a.authenticatorId(), a.userId(), a.method(), a.email(),
                a.phoneNumber(),
                t == null ? null : t.sealedSecret(), t == null ? null : t.issuer(), t == null ? null : t.account(),
                t == null ? null : t.algorithm(), t == null ? null : t.digits(), t == null ? null : t.period(),
                p == null ? null : p.credentialId(), p == null ? null : p.publicKey(),
                p == null ? null : p.algorithm(), p == null ? null : p.name(), p == null ? null : p.signCount(),
                p == null ? null : p.aaguid(),
                p == null || p.transports() == null ? null : String.join(",", p.transports()),
                a.createdAt(), a.verifiedAt(), a.lastVerifiedAt(), a.pending());
        ClientPasskeyData c = p == null ? ClientPasskeyData.NONE : p.client();
        Collections.addAll(params, flag(c.backupEligible()), flag(c.backedUp()), c.attachment(), c.deviceId(),
                c.userAgent(), c.userHandle());
    }

    /** The backup flags are 0/1 in both dialects (V11), so one mapping reads them everywhere. */
    private static Integer flag(Boolean b) {
        return b == null ? null : b ? 1 : 0;
    }

    private static Boolean flag(Long v) {
        return v == null ? null : v != 0;
    }

    @Override
    public Optional<StoredAuthenticator> findByCredentialId(Jdbc jdbc, String tenantId, String credentialId) {
        return jdbc.queryOne(SELECT + "WHERE tenant_id = ? AND credential_id = ?", JdbcAuthenticatorStore::map,
                tenantId, credentialId);
    }

    @Override
    public List<StoredAuthenticator> findByCredentialIds(Jdbc jdbc, String tenantId, Collection<String> credentialIds) {
        return jdbc.queryIn(SELECT + "WHERE tenant_id = ? AND credential_id IN", tenantId, credentialIds,
                JdbcAuthenticatorStore::map);
    }

    @Override
    public boolean recordAssertion(Jdbc jdbc, String tenantId, String authenticatorId, long signCount,
                                   boolean backedUp, long at) {
        return jdbc.update("""
                UPDATE authenticators
                   SET sign_count = CASE WHEN sign_count IS NULL OR sign_count < ? THEN ? ELSE sign_count END,
                       backed_up = ?, last_verified_at = ?
                 WHERE tenant_id = ? AND authenticator_id = ?""",
                signCount, signCount, flag(backedUp), at, tenantId, authenticatorId) == 1;
    }

    @Override
    public boolean delete(Jdbc jdbc, String tenantId, String userId, String authenticatorId) {
        return jdbc.update("DELETE FROM authenticators WHERE tenant_id = ? AND authenticator_id = ? AND user_id = ?",
                tenantId, authenticatorId, userId) == 1;
    }

    @Override
    public long count(Jdbc jdbc, String tenantId, String userId) {
        return jdbc.count("SELECT COUNT(*) AS n FROM authenticators WHERE tenant_id = ? AND user_id = ? AND NOT pending",
                tenantId, userId);
    }

    @Override
    public void lockUser(Jdbc jdbc, String tenantId, String userId) {
        if (jdbc.dialect() == Dialect.SQLITE) {
            return; // one writer connection: the write transaction already excludes every other writer
        }
        jdbc.query("SELECT user_id FROM users WHERE tenant_id = ? AND user_id = ?" + jdbc.dialect().forUpdate(),
                row -> row.string("user_id"), tenantId, userId);
    }

    @Override
    public Map<String, List<VerificationMethod>> enrolledMethods(Jdbc jdbc, String tenantId,
                                                                 Collection<String> userIds) {
        record Enrolled(String userId, VerificationMethod method, long at) {
        }
        Map<String, Map<VerificationMethod, Long>> firstAt = new HashMap<>();
        jdbc.queryIn("SELECT user_id, verification_method, created_at FROM authenticators"
                        + " WHERE tenant_id = ? AND NOT pending AND user_id IN", tenantId, userIds,
                        row -> new Enrolled(row.string("user_id"), VerificationMethod.parse(row.string("verification_method")),
                                row.longValue("created_at")))
                .forEach(e -> firstAt.computeIfAbsent(e.userId(), u -> new HashMap<>()).merge(e.method(), e.at(), Math::min));
        Map<String, List<VerificationMethod>> enrolled = new HashMap<>();
        firstAt.forEach((userId, methods) -> enrolled.put(userId, methods.entrySet().stream()
                .sorted(Map.Entry.<VerificationMethod, Long>comparingByValue()
                        .thenComparing(e -> e.getKey().name()))
                .map(Map.Entry::getKey).toList()));
        return enrolled;
    }

    @Override
    public void insertRecoveryCodes(Jdbc jdbc, String tenantId, String userId, List<String> codeHashes, long now) {
        List<Object[]> rows = new ArrayList<>();
        for (String hash : codeHashes) {
            rows.add(new Object[] {tenantId, userId, hash, now});
        }
        jdbc.batch("INSERT INTO recovery_codes (tenant_id, user_id, code_hash, created_at) VALUES (?, ?, ?, ?)", rows);
    }

    @Override
    public boolean deleteRecoveryCode(Jdbc jdbc, String tenantId, String userId, String codeHash) {
        return jdbc.update("DELETE FROM recovery_codes WHERE tenant_id = ? AND user_id = ? AND code_hash = ?",
                tenantId, userId, codeHash) == 1;
    }

    @Override
    public boolean hasRecoveryCode(Jdbc jdbc, String tenantId, String userId, String codeHash) {
        return jdbc.count("""
                SELECT COUNT(*) AS n FROM recovery_codes WHERE tenant_id = ? AND user_id = ? AND code_hash = ?""",
                tenantId, userId, codeHash) > 0;
    }

    @Override
    public void deleteRecoveryCodes(Jdbc jdbc, String tenantId, String userId) {
        jdbc.update("DELETE FROM recovery_codes WHERE tenant_id = ? AND user_id = ?", tenantId, userId);
    }

    @Override
    public long countRecoveryCodes(Jdbc jdbc, String tenantId, String userId) {
        return jdbc.count("SELECT COUNT(*) AS n FROM recovery_codes WHERE tenant_id = ? AND user_id = ?",
                tenantId, userId);
    }

    @Override
    public boolean markLastVerified(Jdbc jdbc, String tenantId, String userId, String authenticatorId, long at) {
        return jdbc.update("""
                UPDATE authenticators SET last_verified_at = ?
                 WHERE tenant_id = ? AND authenticator_id = ? AND user_id = ?""",
                at, tenantId, authenticatorId, userId) == 1;
    }

    @Override
    public boolean confirm(Jdbc jdbc, String tenantId, String userId, String authenticatorId, long at) {
        return jdbc.update("""
                UPDATE authenticators SET pending = ?, verified_at = ?, last_verified_at = ?
                 WHERE tenant_id = ? AND authenticator_id = ? AND user_id = ? AND pending""",
                false, at, at, tenantId, authenticatorId, userId) == 1;
    }

    @Override
    public int deletePending(Jdbc jdbc, String tenantId, String userId, VerificationMethod method) {
        return jdbc.update("""
                DELETE FROM authenticators
                 WHERE tenant_id = ? AND user_id = ? AND verification_method = ? AND pending""",
                tenantId, userId, method);
    }

    private static StoredAuthenticator map(Row r) {
        String sealed = r.string("totp_secret_sealed");
        SealedTotp totp = sealed == null ? null : new SealedTotp(sealed, r.string("totp_issuer"),
                r.string("totp_account"), r.string("totp_algorithm"), r.intValue("totp_digits"),
                r.intValue("totp_period"));
        String credentialId = r.string("credential_id");
        String transports = r.string("transports");
        StoredPasskey passkey = credentialId == null ? null : new StoredPasskey(credentialId,
                r.string("credential_public_key"), r.longValue("credential_algorithm"), r.string("credential_name"),
                r.nullableLong("sign_count"), r.string("aaguid"),
                transports == null ? null : Arrays.asList(transports.split(",")),
                new ClientPasskeyData(flag(r.nullableLong("backup_eligible")), flag(r.nullableLong("backed_up")),
                        r.string("authenticator_attachment"), r.string("device_id"), r.string("user_agent"),
                        r.string("user_handle")));
        return new StoredAuthenticator(r.string("authenticator_id"), r.string("user_id"),
                VerificationMethod.parse(r.string("verification_method")), r.string("email"), r.string("phone_number"),
                totp, passkey, r.longValue("created_at"), r.longValue("verified_at"), r.nullableLong("last_verified_at"),
                r.bool("pending"));
    }
}
