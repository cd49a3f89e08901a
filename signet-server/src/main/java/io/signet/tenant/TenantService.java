package io.signet.tenant;

import io.signet.bootstrap.TenantDirectory;
import io.signet.caller.RequestAuthenticator;
import io.signet.crypto.Encryptor;
import io.signet.crypto.Ids;
import io.signet.crypto.RandomTokens;
import io.signet.crypto.SecretHasher;
import io.signet.error.SignetException;
import io.signet.text.BoundedText;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tenants and their secret keys. Keys are random (256 bits) and shown once at creation. Each is stored
 * three ways: a keyed hash, which authentication looks up through a unique index (so no key is compared
 * in variable time against a stored plaintext); its first 8 characters, to tell keys apart in listings;
 * and sealed with the encryption key, because webhook deliveries are signed with every active key
 * ({@link #activeSecretKeys}). A tenant holds at most {@link #MAX_ACTIVE_KEYS} active keys, so a
 * rotation can overlap the old key with the new one. Every change is written to the audit log in the same
 * transaction.
 */
public final class TenantService implements RequestAuthenticator, TenantDirectory {
    public static final int MAX_ACTIVE_KEYS = 2;
    /**
     * The operator realm: the internal tenant whose users are the admin console's operators (migration V20).
     * It has no secret key, and listings, the operator API and key authentication never show or accept it,
     * so no tenant key can reach an operator account.
     */
    public static final String OPERATOR_REALM = "00000000-0000-4000-8000-00000000c0de";
    private static final Logger log = LoggerFactory.getLogger(TenantService.class);
    private static final String KEY_PURPOSE = "tenant-secret-key";

    private final TenantStore store;
    private final SecretHasher hasher;
    private final Encryptor encryptor;
    private final Clock clock;
    private final KeyCache keyCache = new KeyCache();
    private final LastUse lastUse = new LastUse();

    public TenantService(TenantStore store, SecretHasher hasher, Encryptor encryptor, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.encryptor = encryptor;
        this.clock = clock;
    }

    /** Creates a tenant from the command line: a fresh random secret key, or {@code secretKey} when given. */
    public CreatedTenant create(String name, Optional<String> secretKey) {
        return create(name, secretKey, Actor.CLI);
    }

    public CreatedTenant create(String name, Optional<String> secretKey, Actor actor) {
        String key = secretKey.orElseGet(TenantService::newSecretKey);
        long now = clock.millis();
        Tenant tenant = new Tenant(Ids.timeOrdered(), checkName(name), now);
        TenantStore.NewKey newKey = seal(tenant.tenantId(), key);
        store.create(tenant, newKey, audit(tenant.tenantId(), actor, "tenant.created",
                details("name", tenant.name(), "keyId", newKey.keyId())));
        return new CreatedTenant(tenant, key);
    }

    /** On a database with no tenant, creates the default one; returns it when it did. */
    public Optional<CreatedTenant> createDefaultIfNone(Optional<String> secretKey) {
        if (store.count() > 0) {
            return Optional.empty();
        }
        return Optional.of(create("default", secretKey, Actor.STARTUP));
    }

    /** For a bootstrap file: tenants are matched by name. */
    @Override
    public Optional<String> tenantIdByName(String name) {
        return list().stream().filter(t -> t.name().equals(name)).map(Tenant::tenantId).findFirst();
    }

    @Override
    public TenantDirectory.Created createNamed(String name) {
        CreatedTenant created = create(name, Optional.empty());
        return new TenantDirectory.Created(created.tenant().tenantId(), created.secretKey());
    }

    @Override
    public Optional<String> tenantIdForSecretKey(String secretKey) {
        return authenticate(secretKey).map(KeyCache.CachedKey::tenantId).filter(id -> !isOperatorRealm(id));
    }

    public static boolean isOperatorRealm(String tenantId) {
        return OPERATOR_REALM.equals(tenantId);
    }

    /** The id of the active key {@code secretKey} is, for the audit log of a change made with it. */
    public Optional<String> keyIdForSecretKey(String secretKey) {
        return authenticate(secretKey).map(KeyCache.CachedKey::keyId);
    }

    private Optional<KeyCache.CachedKey> authenticate(String secretKey) {
        if (secretKey == null || secretKey.isEmpty() || secretKey.length() > 200) {
            return Optional.empty();
        }
        String hash = hasher.hash(KEY_PURPOSE, secretKey);
        long now = clock.millis();
        Optional<KeyCache.CachedKey> key = keyCache.get(hash, now).or(() -> {
            Optional<TenantStore.KeyOwner> owner = store.keyForHash(hash)
                    .filter(o -> o.expiresAt() == null || o.expiresAt() > now);
            owner.ifPresent(o -> keyCache.put(hash, new KeyCache.CachedKey(o.tenantId(), o.keyId()), o.expiresAt(),
                    now));
            return owner.map(o -> new KeyCache.CachedKey(o.tenantId(), o.keyId()));
        });
        key.ifPresent(k -> recordUse(k.keyId(), now));
        return key;
    }

    private void recordUse(String keyId, long now) {
        if (!lastUse.due(keyId, now)) {
            return;
        }
        try {
            store.recordUse(keyId, now);
        } catch (RuntimeException e) {
            // bookkeeping only: a failed write must not fail the request it rides on
            log.warn("could not record the last use of a secret key: {}", e.toString());
        }
    }

    /**
     * The tenant's active secret keys in plaintext, newest first: webhook deliveries carry one signature per
     * active key (docs/server-api.md §9.1 "Signature header"). Never log or return these.
     */
    public List<String> activeSecretKeys(String tenantId) {
        return store.activeSealedKeys(tenantId, clock.millis()).stream()
                .map(k -> encryptor.decrypt(k.sealed(), sealContext(tenantId, k.keyId())))
                .toList();
    }

    public Optional<Tenant> find(String tenantId) {
        return store.find(tenantId);
    }

    /** Every tenant but the operator realm, oldest first. */
    public List<Tenant> list() {
        return store.list();
    }

    /** A tenant that callers may see and manage: never the operator realm. */
    public Optional<Tenant> findVisible(String tenantId) {
        return isOperatorRealm(tenantId) ? Optional.empty() : store.find(tenantId);
    }

    public Tenant rename(String tenantId, String name, Actor actor) {
        Tenant before = require(tenantId);
        String newName = checkName(name);
        if (!store.rename(tenantId, newName, audit(tenantId, actor, "tenant.renamed",
                details("from", before.name(), "to", newName)))) {
            throw notFound(tenantId);
        }
        return new Tenant(tenantId, newName, before.createdAt());
    }

    /**
     * Deletes the tenant and every row it owns, irreversibly; {@code confirm} must repeat the tenant id. Its
     * keys stop at once on this node and within {@link KeyCache#TTL} on the others.
     */
    public void delete(String tenantId, String confirm, Actor actor) {
        Tenant tenant = require(tenantId);
        if (!tenantId.equals(confirm)) {
            throw SignetException.invalid("Deleting a tenant is irreversible: confirm with the tenant id ("
                    + "'confirm' must equal '" + tenantId + "').");
        }
        if (!store.delete(tenantId, audit(tenantId, actor, "tenant.deleted", details("name", tenant.name())))) {
            throw notFound(tenantId);
        }
        keyCache.forgetTenant(tenantId);
    }

    public List<SecretKeyInfo> keys(String tenantId) {
        require(tenantId);
        return store.keys(tenantId, clock.millis());
    }

    /**
     * Adds a secret key. The keys already active stay valid, until revoked or, with {@code oldKeyExpiresIn},
     * until that much time from now; a tenant that already has {@link #MAX_ACTIVE_KEYS} active keys must
     * revoke one first.
     */
    public RotatedKey rotate(String tenantId, Optional<Duration> oldKeyExpiresIn, Actor actor) {
        require(tenantId);
        oldKeyExpiresIn.ifPresent(TenantService::checkExpiry);
        String key = newSecretKey();
        TenantStore.NewKey newKey = seal(tenantId, key);
        long now = clock.millis();
        Long oldExpire = oldKeyExpiresIn.map(d -> now + d.toMillis()).orElse(null);
        Map<String, Object> details = details("keyId", newKey.keyId());
        if (oldExpire != null) {
            details.put("oldKeysExpireAt", io.signet.wire.WireTime.iso(oldExpire));
        }
        return switch (store.rotate(tenantId, newKey, oldExpire, MAX_ACTIVE_KEYS, now,
                audit(tenantId, actor, "key.rotated", details))) {
            case ROTATED -> {
                if (oldExpire != null) {
                    keyCache.forgetTenant(tenantId); // cached old keys must not outlive their new expiry here
                }
                yield new RotatedKey(tenantId, newKey.keyId(), key, oldExpire);
            }
            case NO_TENANT -> throw notFound(tenantId);
            case TOO_MANY_KEYS -> throw SignetException.conflict("The tenant already has " + MAX_ACTIVE_KEYS
                    + " active secret keys. Revoke one before rotating again.");
        };
    }

    /** Revokes a key: refused at once on this node, within {@link KeyCache#TTL} on the others. */
    public void revoke(String tenantId, String keyId, Actor actor) {
        require(tenantId);
        switch (store.revoke(tenantId, keyId, clock.millis(), audit(tenantId, actor, "key.revoked",
                details("keyId", keyId)))) {
            case REVOKED -> keyCache.forgetKey(keyId);
            case NOT_FOUND -> throw SignetException.notFound("The tenant has no secret key '" + keyId + "'.");
            case NOT_ACTIVE -> throw SignetException.conflict("The secret key '" + keyId
                    + "' is already revoked or expired.");
            case LAST_ACTIVE_KEY -> throw SignetException.conflict("'" + keyId + "' is the tenant's last active "
                    + "secret key. Rotate first, then revoke it.");
        }
    }

    /**
     * Records a key change another feature made, such as a rotation of the session signing keys; {@code details}
     * must hold ids and times only, never a secret.
     */
    public void recordChange(String tenantId, Actor actor, String action, Map<String, Object> details) {
        store.record(audit(tenantId, actor, action, new LinkedHashMap<>(details)));
    }

    /** The admin console's actions across tenants, newest first; {@code before} (an audit id) pages back. */
    public List<AuditEvent> consoleAudit(String before, int limit) {
        return store.auditByActor(Actor.CONSOLE_PREFIX, before, limit);
    }

    /** Also for a deleted tenant, whose record of deletion outlives it. */
    public List<AuditEvent> audit(String tenantId, String before, int limit) {
        return store.audit(tenantId, before, limit);
    }

    private Tenant require(String tenantId) {
        return findVisible(tenantId).orElseThrow(() -> notFound(tenantId));
    }

    private static SignetException notFound(String tenantId) {
        return SignetException.notFound("No tenant has the id '" + tenantId + "'.");
    }

    private static String checkName(String name) {
        if (name == null || !BoundedText.isName(name.strip(), 200)) {
            throw SignetException.invalid("A tenant name must be 1 to 200 characters without control characters.");
        }
        return name.strip();
    }

    private static void checkExpiry(Duration d) {
        if (d.isNegative() || d.compareTo(Duration.ofDays(365)) > 0) {
            throw SignetException.invalid("The old key's expiry must be between 0 seconds and 365 days from now.");
        }
    }

    private static String newSecretKey() {
        return "sk_" + RandomTokens.base64Url(32);
    }

    private TenantStore.NewKey seal(String tenantId, String key) {
        String keyId = Ids.timeOrdered();
        return new TenantStore.NewKey(keyId, hasher.hash(KEY_PURPOSE, key), key.substring(0, Math.min(8, key.length())),
                encryptor.encrypt(key, sealContext(tenantId, keyId)));
    }

    private AuditEvent audit(String tenantId, Actor actor, String action, Map<String, Object> details) {
        long now = clock.millis();
        return new AuditEvent(Ids.timeOrdered(now), tenantId, actor.who(), actor.address(), action, details, now);
    }

    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static String sealContext(String tenantId, String keyId) {
        return "tenant-key:" + tenantId + ":" + keyId;
    }
}
