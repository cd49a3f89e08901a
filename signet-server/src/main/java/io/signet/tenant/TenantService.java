package io.signet.tenant;

import io.signet.crypto.Encryptor;
import io.signet.crypto.Ids;
import io.signet.crypto.RandomTokens;
import io.signet.crypto.SecretHasher;
import io.signet.http.RequestAuthenticator;
import io.signet.store.Database;
import java.time.Clock;
import java.util.Optional;

/**
 * Tenants and their secret keys. Keys are random (256 bits), shown once at creation and stored only as a
 * keyed hash; authentication looks the hash up through a unique index, so no key is compared in
 * variable time against a stored plaintext.
 */
public final class TenantService implements RequestAuthenticator {
    private static final String KEY_PURPOSE = "tenant-secret-key";

    private final TenantStore store;
    private final SecretHasher hasher;
    private final Encryptor encryptor;
    private final Clock clock;
    private final KeyCache keyCache = new KeyCache();

    public TenantService(Database db, SecretHasher hasher, Encryptor encryptor, Clock clock) {
        this.store = new JdbcTenantStore(db);
        this.hasher = hasher;
        this.encryptor = encryptor;
        this.clock = clock;
    }

    /** Creates a tenant with a fresh random secret key, or with {@code secretKey} when given. */
    public CreatedTenant create(String name, Optional<String> secretKey) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("tenant name must be 1 to 200 characters");
        }
        String key = secretKey.orElseGet(() -> "sk_" + RandomTokens.base64Url(32));
        Tenant tenant = new Tenant(Ids.timeOrdered(), name.strip(), clock.millis());
        String keyId = Ids.timeOrdered();
        store.create(tenant, keyId, hasher.hash(KEY_PURPOSE, key), key.substring(0, Math.min(8, key.length())),
                encryptor.encrypt(key, sealContext(tenant.tenantId(), keyId)));
        return new CreatedTenant(tenant, key);
    }

    /** On a database with no tenant, creates the default one; returns it when it did. */
    public Optional<CreatedTenant> createDefaultIfNone(Optional<String> secretKey) {
        if (store.count() > 0) {
            return Optional.empty();
        }
        return Optional.of(create("default", secretKey));
    }

    @Override
    public Optional<String> tenantIdForSecretKey(String secretKey) {
        if (secretKey == null || secretKey.isEmpty() || secretKey.length() > 200) {
            return Optional.empty();
        }
        String hash = hasher.hash(KEY_PURPOSE, secretKey);
        return keyCache.get(hash, clock.millis()).or(() -> {
            Optional<String> tenantId = store.tenantIdForKeyHash(hash);
            tenantId.ifPresent(t -> keyCache.put(hash, t, clock.millis()));
            return tenantId;
        });
    }

    /**
     * The tenant's active secret keys in plaintext, newest first: webhook deliveries carry one signature per
     * active key (authsignal-api.md §9.1). Never log or return these.
     */
    public java.util.List<String> activeSecretKeys(String tenantId) {
        return store.activeSealedKeys(tenantId).stream()
                .map(k -> encryptor.decrypt(k.sealed(), sealContext(tenantId, k.keyId())))
                .toList();
    }

    private static String sealContext(String tenantId, String keyId) {
        return "tenant-key:" + tenantId + ":" + keyId;
    }

    public Optional<Tenant> find(String tenantId) {
        return store.find(tenantId);
    }
}
