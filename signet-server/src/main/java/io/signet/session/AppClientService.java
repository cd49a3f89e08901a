package io.signet.session;

import io.signet.crypto.Ids;
import io.signet.error.SignetException;
import io.signet.text.BoundedText;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** App clients of a tenant: create, list, read, update, delete, with their token lifetimes validated. */
public final class AppClientService {
    static final long DEFAULT_ACCESS_LIFETIME = Duration.ofMinutes(10).toSeconds();
    static final long DEFAULT_REFRESH_LIFETIME = Duration.ofDays(30).toSeconds();
    static final long MIN_ACCESS_LIFETIME = 60;
    /** Also how long a retired signing key keeps verifying: no access token outlives it (see SigningKeys). */
    static final long MAX_ACCESS_LIFETIME = Duration.ofHours(24).toSeconds();
    static final long MAX_REFRESH_LIFETIME = Duration.ofDays(365).toSeconds();
    private static final int MAX_NAME_LENGTH = 200;

    private final AppClientStore store;
    private final Clock clock;

    public AppClientService(AppClientStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public AppClient.Response create(String tenantId, AppClientRequest r) {
        long now = clock.millis();
        AppClient client = checked(new AppClient(tenantId, Ids.timeOrdered(now), name(r.name()),
                r.accessTokenLifetime() == null ? DEFAULT_ACCESS_LIFETIME : r.accessTokenLifetime(),
                r.refreshTokenLifetime() == null ? DEFAULT_REFRESH_LIFETIME : r.refreshTokenLifetime(), now, now));
        store.insert(client);
        return client.response();
    }

    public List<AppClient.Response> list(String tenantId) {
        return store.list(tenantId).stream().map(AppClient::response).toList();
    }

    public AppClient.Response get(String tenantId, String clientId) {
        return existing(tenantId, clientId).response();
    }

    /** Changes the fields sent; the result is checked as a whole (access lifetime within refresh lifetime). */
    public AppClient.Response update(String tenantId, String clientId, AppClientRequest r) {
        AppClient old = existing(tenantId, clientId);
        AppClient changed = checked(new AppClient(tenantId, clientId,
                r.name() == null ? old.name() : name(r.name()),
                r.accessTokenLifetime() == null ? old.accessTokenLifetime() : r.accessTokenLifetime(),
                r.refreshTokenLifetime() == null ? old.refreshTokenLifetime() : r.refreshTokenLifetime(),
                old.createdAt(), clock.millis()));
        if (!store.update(changed)) {
            throw unknown(clientId);
        }
        return changed.response();
    }

    /** Deletes the client; its sessions go with it, so their tokens stop validating at once. */
    public void delete(String tenantId, String clientId) {
        if (!store.delete(tenantId, clientId)) {
            throw unknown(clientId);
        }
    }

    /** The client a createSession names; an unknown id is the caller's mistake, a 400. */
    Optional<AppClient> find(String tenantId, String clientId) {
        return store.find(tenantId, clientId);
    }

    private AppClient existing(String tenantId, String clientId) {
        return store.find(tenantId, clientId).orElseThrow(() -> unknown(clientId));
    }

    private static SignetException unknown(String clientId) {
        return SignetException.notFound("No app client '" + clientId + "' exists in this tenant.");
    }

    private static String name(String name) {
        return BoundedText.required("name", name, MAX_NAME_LENGTH).strip();
    }

    private static AppClient checked(AppClient c) {
        if (c.accessTokenLifetime() < MIN_ACCESS_LIFETIME || c.accessTokenLifetime() > MAX_ACCESS_LIFETIME) {
            throw SignetException.invalid("'accessTokenLifetime' must be between " + MIN_ACCESS_LIFETIME + " and "
                    + MAX_ACCESS_LIFETIME + " seconds.");
        }
        if (c.refreshTokenLifetime() < c.accessTokenLifetime() || c.refreshTokenLifetime() > MAX_REFRESH_LIFETIME) {
            // A session row must outlive every access token issued from it, or validation of a still
            // unexpired token would find its session purged.
            throw SignetException.invalid("'refreshTokenLifetime' must be at least 'accessTokenLifetime' ("
                    + c.accessTokenLifetime() + ") and at most " + MAX_REFRESH_LIFETIME + " seconds.");
        }
        return c;
    }
}
