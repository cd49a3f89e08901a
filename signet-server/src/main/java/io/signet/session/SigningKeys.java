package io.signet.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.signet.crypto.Encryptor;
import io.signet.crypto.Ids;
import io.signet.store.DuplicateKeyException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-tenant ES256 keys that sign access tokens. The first key is created on first use; {@link #rotate}
 * adds a new active key and retires the old one, which keeps verifying (and stays in the JWKS) for
 * {@link AppClientService#MAX_ACCESS_LIFETIME}, the longest any token it signed can live.
 *
 * <p>Which key signs is read from the database on every issue, so a rotation takes effect on every node at
 * once. Parsed keys are cached by id because a key's material never changes; only a cached key's
 * retirement is re-read, at most every {@link #RECHECK}. Thread-safe.
 */
public final class SigningKeys {
    static final Duration RECHECK = Duration.ofMinutes(1);
    private static final long OVERLAP_MILLIS = AppClientService.MAX_ACCESS_LIFETIME * 1000;

    private final SigningKeyStore store;
    private final Encryptor encryptor;
    private final Clock clock;
    private final Map<String, JWSSigner> signers = new ConcurrentHashMap<>();
    private final Map<String, CachedVerifier> verifiers = new ConcurrentHashMap<>();

    /** The key that signs now: its id goes in the JWT header as {@code kid}. */
    record ActiveKey(String keyId, JWSSigner signer) {
    }

    private record CachedVerifier(JWSVerifier verifier, Long retiredAt, long checkedAt) {
    }

    public SigningKeys(SigningKeyStore store, Encryptor encryptor, Clock clock) {
        this.store = store;
        this.encryptor = encryptor;
        this.clock = clock;
    }

    /** The tenant's active key, created when the tenant has none yet. */
    ActiveKey active(String tenantId) {
        return activeKey(tenantId, store.active(tenantId).orElseGet(() -> createFirst(tenantId)));
    }

    /**
     * The tenant's active key, empty when it has none yet. For paths that only continue a session: a tenant
     * without a key has issued no session, so they have nothing to sign and must not create one.
     */
    Optional<ActiveKey> existing(String tenantId) {
        return store.active(tenantId).map(key -> activeKey(tenantId, key));
    }

    private ActiveKey activeKey(String tenantId, SigningKeyStore.StoredKey key) {
        JWSSigner signer = signers.computeIfAbsent(cacheKey(tenantId, key.keyId()), k -> signer(key));
        return new ActiveKey(key.keyId(), signer);
    }

    /** Adds a new active key for the tenant and retires the current one; returns the new key id. */
    public String rotate(String tenantId) {
        SigningKeyStore.StoredKey key = generate(tenantId);
        store.insertActive(key, true);
        return key.keyId();
    }

    /** The verifier for {@code keyId} of this tenant, empty when unknown or retired longer than the overlap. */
    Optional<JWSVerifier> verifier(String tenantId, String keyId) {
        long now = clock.millis();
        String cacheKey = cacheKey(tenantId, keyId);
        CachedVerifier cached = verifiers.get(cacheKey);
        if (cached == null || (cached.retiredAt() == null && now - cached.checkedAt() > RECHECK.toMillis())) {
            Optional<SigningKeyStore.StoredKey> stored = store.find(tenantId, keyId);
            if (stored.isEmpty()) {
                return Optional.empty(); // not cached: unknown ids must not grow the map
            }
            JWSVerifier verifier = cached != null ? cached.verifier() : verifier(stored.get());
            cached = new CachedVerifier(verifier, stored.get().retiredAt(), now);
            verifiers.put(cacheKey, cached);
        }
        boolean usable = cached.retiredAt() == null || now < cached.retiredAt() + OVERLAP_MILLIS;
        return usable ? Optional.of(cached.verifier()) : Optional.empty();
    }

    /** The public keys that verify this tenant's tokens now, as a JWK Set (RFC 7517 §5). */
    Map<String, Object> jwks(String tenantId) {
        return new JWKSet(store.verifying(tenantId, clock.millis() - OVERLAP_MILLIS).stream()
                .map(k -> parse(k.publicJwk()))
                .toList()).toJSONObject(true);
    }

    private SigningKeyStore.StoredKey createFirst(String tenantId) {
        SigningKeyStore.StoredKey key = generate(tenantId);
        try {
            store.insertActive(key, false);
            return key;
        } catch (DuplicateKeyException raced) {
            // another node created the first key at the same moment: the unique index kept one, use it
            return store.active(tenantId).orElseThrow(() -> raced);
        }
    }

    private SigningKeyStore.StoredKey generate(String tenantId) {
        long now = clock.millis();
        String keyId = Ids.timeOrdered(now);
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyID(keyId)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .generate();
            return new SigningKeyStore.StoredKey(tenantId, keyId, key.toPublicJWK().toJSONString(),
                    encryptor.encrypt(key.toJSONString(), sealContext(tenantId, keyId)), now, null);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
    }

    private JWSSigner signer(SigningKeyStore.StoredKey key) {
        try {
            return new ECDSASigner((ECKey) parse(encryptor.decrypt(key.privateSealed(),
                    sealContext(key.tenantId(), key.keyId()))));
        } catch (JOSEException e) {
            throw new IllegalStateException("stored signing key " + key.keyId() + " is unusable", e);
        }
    }

    private static JWSVerifier verifier(SigningKeyStore.StoredKey key) {
        try {
            return new ECDSAVerifier((ECKey) parse(key.publicJwk()));
        } catch (JOSEException e) {
            throw new IllegalStateException("stored signing key " + key.keyId() + " is unusable", e);
        }
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            // no cause attached: the parser's message may quote the JSON, which for a private key is secret
            throw new IllegalStateException("stored JWK is not valid");
        }
    }

    /** Binds a sealed private key to its tenant and id, so a ciphertext copied to another row fails. */
    private static String sealContext(String tenantId, String keyId) {
        return "signing-key:" + tenantId + ":" + keyId;
    }

    private static String cacheKey(String tenantId, String keyId) {
        return tenantId + "\n" + keyId;
    }
}
