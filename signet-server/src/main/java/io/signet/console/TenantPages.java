package io.signet.console;

import io.signet.session.AppClient;
import io.signet.session.AppClientService;
import io.signet.tenant.Actor;
import io.signet.tenant.CreatedTenant;
import io.signet.tenant.RotatedKey;
import io.signet.tenant.SecretKeyInfo;
import io.signet.tenant.Tenant;
import io.signet.tenant.TenantService;
import io.signet.wire.WireTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tenants, their secret keys (create, rotate and revoke, a new key shown once) and app clients. The tenant
 * service writes its own audit row (actor {@code console:<email>}); the console adds one with the reason.
 */
final class TenantPages {
    private final TenantService tenants;
    private final AppClientService appClients;
    private final ConsoleAudit audit;
    private final Layout layout;

    TenantPages(ConsoleServices s, Layout layout) {
        this.tenants = s.tenants();
        this.appClients = s.appClients();
        this.audit = new ConsoleAudit(s.tenants());
        this.layout = layout;
    }

    void addTo(Map<String, ConsoleRoutes.ConsolePage> pages) {
        pages.put("GET /console/tenants", this::list);
        pages.put("GET /console/tenants/{tenantId}", this::detail);
        pages.put("POST /console/tenants", this::create);
        pages.put("POST /console/tenants/{tenantId}/keys/rotate", this::rotate);
        pages.put("POST /console/tenants/{tenantId}/keys/{keyId}/revoke", this::revoke);
    }

    private Answer list(ConsoleRequest r) {
        List<List<String>> rows = new ArrayList<>();
        for (Tenant t : r.tenants()) {
            rows.add(List.of(Html.link("/console/tenants/" + Html.q(t.tenantId()) + "?tenant=" + Html.q(t.tenantId()),
                    t.name()), "<code>" + Html.text(t.tenantId()) + "</code>", Html.text(WireTime.iso(t.createdAt()))));
        }
        String create = Html.post("/console/tenants", r.csrf(), Html.field("name", "Name", null,
                "required maxlength=\"200\"") + Html.reason("reason") + Html.button("Create tenant", "primary"));
        return Answer.page(layout.page(200, r, "Tenants", Html.table("Tenants", List.of("Name", "Tenant id",
                "Created"), rows) + Html.section("New tenant", create)));
    }

    private Answer detail(ConsoleRequest r) {
        Tenant t = tenant(r);
        String base = "/console/tenants/" + Html.q(t.tenantId());
        List<List<String>> keys = new ArrayList<>();
        for (SecretKeyInfo k : tenants.keys(t.tenantId())) {
            keys.add(List.of("<code>" + Html.text(k.keyId()) + "</code>", "<code>" + Html.text(k.prefix())
                            + "…</code>", Html.text(WireTime.iso(k.createdAt())), Html.text(time(k.lastUsedAt())),
                    Html.text(k.active() ? "active" + (k.expiresAt() == null ? "" : ", expires "
                            + WireTime.iso(k.expiresAt())) : "revoked or expired"),
                    k.active() ? Html.post(at(t, base + "/keys/" + Html.q(k.keyId()) + "/revoke"), r.csrf(),
                            Html.field("reason-" + k.keyId(), "Reason", "", "required maxlength=\"500\" "
                                    + "autocomplete=\"off\"") + Html.button("Revoke", "danger")) : ""));
        }
        List<List<String>> clients = new ArrayList<>();
        for (AppClient.Response c : appClients.list(t.tenantId())) {
            clients.add(List.of(Html.text(c.name()), "<code>" + Html.text(c.clientId()) + "</code>",
                    Html.text(c.accessTokenLifetime() + " s"), Html.text(c.refreshTokenLifetime() + " s"),
                    Html.text(c.createdAt())));
        }
        String rotate = Html.post(at(t, base + "/keys/rotate"), r.csrf(), "<p>Adds a key; the active key keeps "
                + "working until you revoke it (at most " + TenantService.MAX_ACTIVE_KEYS + " active keys).</p>"
                + Html.reason("rotate-reason") + Html.button("Rotate: create a new key", "secondary"));
        return Answer.page(layout.page(200, r, "Tenant " + t.name(), Html.facts("Tenant id", "<code>"
                + Html.text(t.tenantId()) + "</code>", "Created", Html.text(WireTime.iso(t.createdAt())))
                + Html.section("Secret keys", Html.table("Secret keys", List.of("Key id", "Starts with", "Created",
                "Last used", "State", "Revoke"), keys) + rotate)
                + Html.section("App clients", Html.table("App clients", List.of("Name", "Client id",
                "Access token", "Refresh token", "Created"), clients))));
    }

    private Answer create(ConsoleRequest r) {
        String reason = ConsoleAudit.reason(r.param("reason"));
        CreatedTenant created = tenants.create(r.param("name"), Optional.empty(), actor(r));
        Tenant t = created.tenant();
        audit.record(r.operator(), r.ip(), t.tenantId(), "tenant.created", "tenant " + t.tenantId(), reason);
        return once(r, "Tenant " + t.name() + " created", t, created.secretKey());
    }

    private Answer rotate(ConsoleRequest r) {
        Tenant t = tenant(r);
        String reason = ConsoleAudit.reason(r.param("rotate-reason"));
        RotatedKey key = tenants.rotate(t.tenantId(), Optional.empty(), actor(r));
        audit.record(r.operator(), r.ip(), t.tenantId(), "key.rotated", "key " + key.keyId(), reason);
        return once(r, "New secret key", t, key.secretKey());
    }

    private Answer revoke(ConsoleRequest r) {
        Tenant t = tenant(r);
        String keyId = r.param("keyId");
        String reason = ConsoleAudit.reason(r.param("reason-" + keyId));
        tenants.revoke(t.tenantId(), keyId, actor(r));
        audit.record(r.operator(), r.ip(), t.tenantId(), "key.revoked", "key " + keyId, reason);
        return Answer.redirect(at(t, "/console/tenants/" + Html.q(t.tenantId())) + "&notice=key-revoked");
    }

    /** A new secret key, shown this once: never stored in plaintext, never shown again. */
    private Answer once(ConsoleRequest r, String title, Tenant t, String secretKey) {
        return Answer.page(layout.page(200, r, title, "<p role=\"status\">Copy the secret key now: it is shown "
                + "only this once.</p><p><code class=\"secret\">" + Html.text(secretKey) + "</code></p><p>"
                + Html.link(at(t, "/console/tenants/" + Html.q(t.tenantId())), "Back to the tenant") + "</p>"));
    }

    private Tenant tenant(ConsoleRequest r) {
        return tenants.findVisible(r.param("tenantId")).orElseThrow(() -> io.signet.error.SignetException.notFound(
                "No tenant has the id '" + r.param("tenantId") + "'."));
    }

    private static Actor actor(ConsoleRequest r) {
        return Actor.console(r.operator().email(), r.ip());
    }

    private static String at(Tenant t, String path) {
        return path + "?tenant=" + Html.q(t.tenantId());
    }

    private static String time(Long millis) {
        return millis == null ? "never" : WireTime.iso(millis);
    }
}
