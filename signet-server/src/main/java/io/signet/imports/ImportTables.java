package io.signet.imports;

import io.signet.authenticator.AuthenticatorService;
import io.signet.crypto.Encryptor;
import io.signet.imports.UserLine.Factor;
import io.signet.imports.UserLine.Passkey;
import io.signet.imports.UserLine.Totp;
import io.signet.store.Dialect;
import io.signet.store.Jdbc;
import io.signet.user.Contacts;
import io.signet.user.UserChanges;
import io.signet.wire.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The SQL of an import, valid on SQLite and PostgreSQL: what stands in a line's way (rows holding its ids),
 * and the writes, several users per statement. Rows are written as the line states them (ids and times
 * included), not through the enrollment services: an import restores state, it does not enroll, so it
 * publishes no webhook events and issues no recovery codes.
 */
final class ImportTables {
    /** Rows per multi-row INSERT: 500 x 30 parameters stays under SQLite's 32,766 and PostgreSQL's 65,535. */
    private static final int ROWS_PER_INSERT = 500;
    private static final String FACTOR_COLUMNS = """
            tenant_id, authenticator_id, user_id, verification_method, match_key, email, phone_number,
            totp_secret_sealed, totp_issuer, totp_account, totp_algorithm, totp_digits, totp_period, credential_id,
            credential_public_key, credential_algorithm, credential_name, sign_count, aaguid, transports, created_at,
            verified_at, last_verified_at, pending, backup_eligible, backed_up, authenticator_attachment, device_id,
            user_agent, user_handle""";
    private static final int FACTOR_COUNT = 30;
    private static final String USER_COLUMNS = """
            tenant_id, user_id, email, email_normalized, email_verified, phone_number, phone_number_verified,
            username, display_name, custom, locale, default_verification_method, created_at, updated_at""";
    private static final int USER_COUNT = 14;

    private final Encryptor encryptor;

    ImportTables(Encryptor encryptor) {
        this.encryptor = encryptor;
    }

    /** An authenticator row that holds one of a line's ids or identities. */
    record Holder(String authenticatorId, String userId, String method, String matchKey, String credentialId) {
    }

    /** Every authenticator of these users, and those holding these authenticator or credential ids. */
    List<Holder> holders(Jdbc jdbc, String tenantId, Collection<String> userIds, Collection<String> authenticatorIds,
                         Collection<String> credentialIds) {
        List<Holder> found = new ArrayList<>();
        String select = "SELECT authenticator_id, user_id, verification_method, match_key, credential_id"
                + " FROM authenticators WHERE tenant_id = ? AND ";
        found.addAll(jdbc.queryIn(select + "user_id IN", tenantId, userIds, ImportTables::holder));
        found.addAll(jdbc.queryIn(select + "authenticator_id IN", tenantId, authenticatorIds, ImportTables::holder));
        found.addAll(jdbc.queryIn(select + "credential_id IN", tenantId, credentialIds, ImportTables::holder));
        return found;
    }

    private static Holder holder(io.signet.store.Row r) {
        return new Holder(r.string("authenticator_id"), r.string("user_id"), r.string("verification_method"),
                r.string("match_key"), r.string("credential_id"));
    }

    /** Inserts or overwrites the users' rows with the lines' attributes and times. */
    void upsertUsers(Jdbc jdbc, String tenantId, List<UserLine> users) {
        for (List<UserLine> part : parts(users)) {
            List<Object> params = new ArrayList<>(part.size() * USER_COUNT);
            for (UserLine u : part) {
                UserChanges a = u.attributes();
                Collections.addAll(params, tenantId, u.userId(), a.email(), Contacts.normalizeEmail(a.email()),
                        Boolean.TRUE.equals(a.emailVerified()), a.phoneNumber(),
                        Boolean.TRUE.equals(a.phoneNumberVerified()), a.username(), a.displayName(),
                        a.custom() == null ? null : Json.write(a.custom()), a.locale(),
                        a.defaultVerificationMethod() == null ? null : a.defaultVerificationMethod().name(),
                        u.createdAt(), u.updatedAt());
            }
            jdbc.update("INSERT INTO users (" + USER_COLUMNS + ") VALUES " + Jdbc.rows(part.size(), USER_COUNT) + """
                     ON CONFLICT (tenant_id, user_id) DO UPDATE SET email = excluded.email,
                       email_normalized = excluded.email_normalized, email_verified = excluded.email_verified,
                       phone_number = excluded.phone_number, phone_number_verified = excluded.phone_number_verified,
                       username = excluded.username, display_name = excluded.display_name, custom = excluded.custom,
                       locale = excluded.locale, default_verification_method = excluded.default_verification_method,
                       created_at = excluded.created_at, updated_at = excluded.updated_at""", params.toArray());
        }
    }

    /** A factor to write and the user it belongs to. */
    record Owned(String userId, Factor factor) {
    }

    /** Inserts new authenticators, sealing TOTP secrets with this server's key. */
    void insertFactors(Jdbc jdbc, String tenantId, List<Owned> factors) {
        for (List<Owned> part : parts(factors)) {
            List<Object> params = new ArrayList<>(part.size() * FACTOR_COUNT);
            part.forEach(o -> addFactor(params, tenantId, o));
            jdbc.update("INSERT INTO authenticators (" + FACTOR_COLUMNS + ") VALUES "
                    + Jdbc.rows(part.size(), FACTOR_COUNT), params.toArray());
        }
    }

    /** Overwrites authenticators that exist with other values (same id, same user). */
    void updateFactors(Jdbc jdbc, String tenantId, List<Owned> factors) {
        for (Owned o : factors) {
            jdbc.update("DELETE FROM authenticators WHERE tenant_id = ? AND authenticator_id = ?", tenantId,
                    o.factor().authenticatorId());
        }
        insertFactors(jdbc, tenantId, factors);
    }

    private void addFactor(List<Object> params, String tenantId, Owned o) {
        Factor f = o.factor();
        Totp t = f.totp();
        Passkey p = f.passkey();
        Collections.addAll(params, tenantId, f.authenticatorId(), o.userId(), f.method().name(), f.matchKey(),
                f.email(), f.phoneNumber(),
                t == null ? null : encryptor.encrypt(t.secret(),
                        AuthenticatorService.totpContext(tenantId, f.authenticatorId())),
                t == null ? null : t.issuer(), t == null ? null : t.account(), t == null ? null : t.algorithm(),
                t == null ? null : t.digits(), t == null ? null : t.period(),
                p == null ? null : p.credentialId(), p == null ? null : p.publicKey(), p == null ? null : p.algorithm(),
                p == null ? null : p.name(), p == null ? null : p.signCount(), p == null ? null : p.aaguid(),
                p == null || p.transports() == null ? null : String.join(",", p.transports()),
                f.createdAt(), f.verifiedAt(), f.lastVerifiedAt(), f.pending(),
                p == null ? null : flag(p.backupEligible()), p == null ? null : flag(p.backedUp()),
                p == null ? null : p.attachment(), p == null ? null : p.deviceId(),
                p == null ? null : p.userAgent(), p == null ? null : p.userHandle());
    }

    /** Replaces each user's recovery code hashes with the line's. */
    void replaceCodes(Jdbc jdbc, String tenantId, List<UserLine> users, long now) {
        jdbc.updateIn("DELETE FROM recovery_codes WHERE tenant_id = ? AND user_id IN", tenantId,
                users.stream().map(UserLine::userId).toList());
        List<Object[]> rows = new ArrayList<>();
        for (UserLine u : users) {
            for (String hash : u.codes().hashes()) {
                rows.add(new Object[] {tenantId, u.userId(), hash, now});
            }
        }
        jdbc.batch("INSERT INTO recovery_codes (tenant_id, user_id, code_hash, created_at) VALUES (?, ?, ?, ?)", rows);
    }

    /**
     * PostgreSQL only: fresh statistics for the tables an import fills. The driver prepares a statement on the
     * server after a few runs, and PostgreSQL may then keep a generic plan chosen while the tables were nearly
     * empty (a sequential scan) for as long as the statistics stay old; with autovacuum off or behind, each
     * batch's lookups got slower as the import went on. ANALYZE replaces the statistics and with them the plans.
     */
    void analyze(Jdbc jdbc) {
        if (jdbc.dialect() == Dialect.POSTGRESQL) {
            jdbc.update("ANALYZE users, authenticators, recovery_codes");
        }
    }

    /** The backup flags are 0/1 in both dialects (V11). */
    private static Integer flag(Boolean b) {
        return b == null ? null : b ? 1 : 0;
    }

    private static <T> List<List<T>> parts(List<T> all) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += ROWS_PER_INSERT) {
            parts.add(all.subList(from, Math.min(all.size(), from + ROWS_PER_INSERT)));
        }
        return parts;
    }
}
