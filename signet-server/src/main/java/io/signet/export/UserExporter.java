package io.signet.export;

import io.signet.authenticator.AuthenticatorService;
import io.signet.crypto.Encryptor;
import io.signet.crypto.SecretHasher;
import io.signet.store.Database;
import io.signet.store.Jdbc;
import io.signet.store.Row;
import io.signet.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes every user of a tenant as one JSON line (docs/export-schema.json), a page of users at a time by
 * keyset pagination on user_id: memory stays flat however many users there are. Each page is its own read,
 * so users changed while the export runs may appear in their old or new state, never half of each.
 */
public final class UserExporter {
    /** Version of the line format: bump it when a field changes meaning, not when one is added. */
    public static final int SCHEMA_VERSION = 1;
    /** How the recovery code hashes were made, so an importer knows it needs the same data key. */
    public static final String RECOVERY_HASH_SCHEME = "signet-hmac-sha256-v1";
    static final int PAGE = 500;
    private static final String USER_COLUMNS = """
            SELECT user_id, email, email_verified, phone_number, phone_number_verified, username, display_name,
                   custom, locale, default_verification_method, created_at, updated_at
              FROM users""";

    private final Database db;
    private final Encryptor encryptor;
    private final String keyFingerprint;
    private final boolean includeSecrets;

    /** {@code hasher} names the data key beside the recovery code hashes (see {@link SecretHasher#keyFingerprint}). */
    public UserExporter(Database db, Encryptor encryptor, SecretHasher hasher, boolean includeSecrets) {
        this.db = db;
        this.encryptor = encryptor;
        this.keyFingerprint = hasher.keyFingerprint();
        this.includeSecrets = includeSecrets;
    }

    /** Writes the tenant's users to {@code out} in user_id order and returns how many were written. */
    public long export(String tenantId, Writer out) {
        long written = 0;
        String after = "";
        while (true) {
            String from = after;
            List<Map<String, Object>> page = db.read(jdbc -> page(jdbc, tenantId, from));
            for (Map<String, Object> user : page) {
                try {
                    out.write(Json.write(user));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            written += page.size();
            if (page.size() < PAGE) {
                return written;
            }
            after = (String) page.getLast().get("userId");
        }
    }

    private List<Map<String, Object>> page(Jdbc jdbc, String tenantId, String after) {
        Map<String, Map<String, Object>> users = new LinkedHashMap<>();
        jdbc.query(USER_COLUMNS + " WHERE tenant_id = ? AND user_id > ? ORDER BY user_id LIMIT ?",
                r -> users.put(r.string("user_id"), user(r)), tenantId, after, PAGE);
        return new ArrayList<>(complete(jdbc, tenantId, users).values());
    }

    /**
     * These users as export lines, by user id, read in the caller's transaction (an import compares what it
     * would write with them); users that do not exist are absent.
     */
    public Map<String, Map<String, Object>> lines(Jdbc jdbc, String tenantId, Collection<String> userIds) {
        Map<String, Map<String, Object>> users = new LinkedHashMap<>();
        jdbc.queryIn(USER_COLUMNS + " WHERE tenant_id = ? AND user_id IN", tenantId, userIds,
                r -> users.put(r.string("user_id"), user(r)));
        return complete(jdbc, tenantId, users);
    }

    /** Adds the authenticators and recovery codes of {@code users} (keyed by user id), in three queries. */
    private Map<String, Map<String, Object>> complete(Jdbc jdbc, String tenantId,
                                                      Map<String, Map<String, Object>> users) {
        if (users.isEmpty()) {
            return users;
        }
        jdbc.queryIn("""
                SELECT * FROM authenticators WHERE tenant_id = ?
                   AND user_id IN""", tenantId, users.keySet(), r -> {
                    authenticators(users.get(r.string("user_id"))).add(authenticator(tenantId, r));
                    return null;
                });
        Map<String, List<String>> codes = new TreeMap<>();
        jdbc.queryIn("SELECT user_id, code_hash FROM recovery_codes WHERE tenant_id = ? AND user_id IN", tenantId,
                users.keySet(), r -> codes.computeIfAbsent(r.string("user_id"), k -> new ArrayList<>())
                        .add(r.string("code_hash")));
        codes.forEach((userId, hashes) -> users.get(userId).put("recoveryCodes", recoveryCodes(hashes)));
        users.values().forEach(UserExporter::sortAuthenticators);
        return users;
    }

    private static Map<String, Object> user(Row r) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("schemaVersion", SCHEMA_VERSION);
        u.put("userId", r.string("user_id"));
        putIfSet(u, "email", r.string("email"));
        u.put("emailVerified", r.bool("email_verified"));
        putIfSet(u, "phoneNumber", r.string("phone_number"));
        u.put("phoneNumberVerified", r.bool("phone_number_verified"));
        putIfSet(u, "username", r.string("username"));
        putIfSet(u, "displayName", r.string("display_name"));
        String custom = r.string("custom");
        putIfSet(u, "custom", custom == null ? null : Json.MAPPER.readTree(custom));
        putIfSet(u, "locale", r.string("locale"));
        putIfSet(u, "defaultVerificationMethod", r.string("default_verification_method"));
        u.put("createdAt", time(r.longValue("created_at")));
        u.put("updatedAt", time(r.longValue("updated_at")));
        u.put("authenticators", new ArrayList<Map<String, Object>>());
        return u;
    }

    private Map<String, Object> authenticator(String tenantId, Row r) {
        Map<String, Object> a = new LinkedHashMap<>();
        String id = r.string("authenticator_id");
        a.put("authenticatorId", id);
        a.put("verificationMethod", r.string("verification_method"));
        putIfSet(a, "email", r.string("email"));
        putIfSet(a, "phoneNumber", r.string("phone_number"));
        a.put("pending", r.bool("pending"));
        a.put("createdAt", time(r.longValue("created_at")));
        a.put("verifiedAt", time(r.longValue("verified_at")));
        Long lastVerified = r.nullableLong("last_verified_at");
        putIfSet(a, "lastVerifiedAt", lastVerified == null ? null : time(lastVerified));
        String sealed = r.string("totp_secret_sealed");
        if (sealed != null) {
            Map<String, Object> totp = new LinkedHashMap<>();
            putIfSet(totp, "issuer", r.string("totp_issuer"));
            putIfSet(totp, "account", r.string("totp_account"));
            totp.put("algorithm", r.string("totp_algorithm"));
            totp.put("digits", r.intValue("totp_digits"));
            totp.put("period", r.intValue("totp_period"));
            if (includeSecrets) {
                totp.put("secret", encryptor.decrypt(sealed, AuthenticatorService.totpContext(tenantId, id)));
            }
            a.put("totp", totp);
        }
        if (r.string("credential_id") != null) {
            a.put("passkey", passkey(r));
        }
        return a;
    }

    /** Everything a relying party needs to keep verifying the credential; the public key is not a secret. */
    private static Map<String, Object> passkey(Row r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("credentialId", r.string("credential_id"));
        p.put("publicKey", r.string("credential_public_key"));
        p.put("algorithm", r.longValue("credential_algorithm"));
        putIfSet(p, "name", r.string("credential_name"));
        putIfSet(p, "signCount", r.nullableLong("sign_count"));
        putIfSet(p, "aaguid", r.string("aaguid"));
        String transports = r.string("transports");
        putIfSet(p, "transports", transports == null ? null : Arrays.asList(transports.split(",")));
        putIfSet(p, "backupEligible", flag(r.nullableLong("backup_eligible")));
        putIfSet(p, "backedUp", flag(r.nullableLong("backed_up")));
        putIfSet(p, "attachment", r.string("authenticator_attachment"));
        putIfSet(p, "deviceId", r.string("device_id"));
        putIfSet(p, "userAgent", r.string("user_agent"));
        putIfSet(p, "userHandle", r.string("user_handle"));
        return p;
    }

    /** Hashes only with secrets: they are keyed, but a leaked file should not even allow an offline attempt. */
    private Map<String, Object> recoveryCodes(List<String> hashes) {
        Map<String, Object> codes = new LinkedHashMap<>();
        codes.put("remaining", hashes.size());
        if (includeSecrets) {
            codes.put("hashScheme", RECOVERY_HASH_SCHEME);
            codes.put("keyFingerprint", keyFingerprint);
            codes.put("hashes", hashes.stream().sorted().toList());
        }
        return codes;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> authenticators(Map<String, Object> user) {
        return (List<Map<String, Object>>) user.get("authenticators");
    }

    /** Creation order, then id: the same database always exports the same bytes. */
    private static void sortAuthenticators(Map<String, Object> user) {
        authenticators(user).sort((x, y) -> {
            int byTime = Instant.parse((String) x.get("createdAt")).compareTo(Instant.parse((String) y.get("createdAt")));
            return byTime != 0 ? byTime : ((String) x.get("authenticatorId")).compareTo((String) y.get("authenticatorId"));
        });
    }

    private static Boolean flag(Long bit) {
        return bit == null ? null : bit != 0;
    }

    private static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
