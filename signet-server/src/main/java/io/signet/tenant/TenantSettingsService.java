package io.signet.tenant;

import io.signet.error.ErrorCode;
import io.signet.error.SignetException;
import io.signet.store.Database;
import io.signet.store.Jdbc;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reads and changes a tenant's {@link TenantSettings}, and resolves its {@link ClientSettings}. The client
 * view is read on every Client API request (tenant Basic, CORS), so it is cached for {@link #CACHE_TTL}: a
 * change made on another node applies here within that time, on this node at once.
 */
public final class TenantSettingsService {
    static final Duration CACHE_TTL = Duration.ofSeconds(10);
    private static final int MAX_CACHED = 10_000;

    private final Database db;
    private final TenantSettingsStore store;
    private final Supplier<String> publicUrl;
    private final Clock clock;

    private record Cached<T>(T value, long expiresAt) {
    }

    private final ConcurrentHashMap<String, Cached<ClientSettings>> clients = new ConcurrentHashMap<>();
    private volatile Cached<List<ClientSettings>> allClients;

    /** {@code publicUrl} is a supplier: by default it names the port, known only once HTTP is up. */
    public TenantSettingsService(Database db, TenantSettingsStore store, Clock clock, Supplier<String> publicUrl) {
        this.store = store;
        this.db = db;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    public TenantSettings get(String tenantId) {
        return db.read(jdbc -> get(jdbc, tenantId));
    }

    /** The settings as the caller's transaction sees them, so a decision and its write agree. */
    public TenantSettings get(Jdbc jdbc, String tenantId) {
        return store.find(jdbc, tenantId).orElse(TenantSettings.DEFAULTS);
    }

    /** The tenant's resolved client identity, or empty when no tenant has this id. Cached. */
    public Optional<ClientSettings> client(String tenantId) {
        long now = clock.millis();
        Cached<ClientSettings> hit = clients.get(tenantId);
        if (hit != null && hit.expiresAt() > now) {
            return Optional.of(hit.value());
        }
        Optional<ClientSettings> found = db.read(jdbc -> store.tenant(jdbc, tenantId)).map(this::resolve);
        found.ifPresent(c -> {
            if (clients.size() >= MAX_CACHED) {
                clients.clear(); // only existing tenants get in, so this bounds memory, not correctness
            }
            clients.put(tenantId, new Cached<>(c, now + CACHE_TTL.toMillis()));
        });
        return found;
    }

    /** Every tenant's resolved client identity, cached: a CORS preflight must learn who allows an origin. */
    public List<ClientSettings> allClients() {
        long now = clock.millis();
        Cached<List<ClientSettings>> hit = allClients;
        if (hit != null && hit.expiresAt() > now) {
            return hit.value();
        }
        List<ClientSettings> all = db.read(store::all).stream()
                .filter(row -> !TenantService.isOperatorRealm(row.tenantId())).map(this::resolve).toList();
        allClients = new Cached<>(all, now + CACHE_TTL.toMillis());
        return all;
    }

    /** Whether any tenant allows a page at {@code origin}. */
    public boolean anyTenantAllowsOrigin(String origin) {
        return allClients().stream().anyMatch(c -> c.allowsOrigin(origin));
    }

    /** The settings with the tenant id and the resolved client identity, as the admin API shows them. */
    SettingsView view(String tenantId) {
        TenantSettingsStore.TenantRow row = db.read(jdbc -> store.tenant(jdbc, tenantId)).orElseThrow();
        return SettingsView.of(row.settings(), resolve(row));
    }

    SettingsView update(String tenantId, SettingsChanges changes) {
        db.write(jdbc -> {
            store.save(jdbc, tenantId, changes.applyTo(get(jdbc, tenantId)), clock.millis());
            return null;
        });
        clients.remove(tenantId);
        allClients = null;
        return view(tenantId);
    }

    /** Unset values derive from SIGNET_PUBLIC_URL (docs/client-api.md §11 "What Signet decided", Tenant identity). */
    private ClientSettings resolve(TenantSettingsStore.TenantRow row) {
        TenantSettings s = row.settings();
        String url = publicUrl.get();
        if (url == null) { // port 0: the bound port, and so the default origin, is known a moment after start
            throw new SignetException(ErrorCode.SERVICE_UNAVAILABLE, "Signet is starting; retry in a moment.");
        }
        String rpId = s.rpId() != null ? s.rpId() : Origins.defaultRpId(url);
        String rpName = s.rpName() != null ? s.rpName() : row.name();
        String origin = Origins.origin(URI.create(url).resolve("/").toString().replaceAll("/$", ""));
        if (s.expectedOrigins() != null) {
            return new ClientSettings(row.tenantId(), rpId, rpName, s.expectedOrigins(), false, s.rpId() == null,
                    origin);
        }
        return new ClientSettings(row.tenantId(), rpId, rpName, List.of(origin), rpId.equals("localhost"), true,
                origin);
    }
}
