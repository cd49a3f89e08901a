package io.signet.console;

import io.signet.error.SignetException;
import io.signet.session.AppClient;
import io.signet.session.AppClientRequest;
import io.signet.session.AppClientService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The picked tenant's app clients: create, edit (name and token lifetimes, the fields the admin API's PATCH
 * takes) and delete, through the {@link AppClientService} the admin API uses, so they are validated alike.
 * Each change needs a reason and commits with its audit row.
 */
final class AppClientPages {
    private static final String BASE = "/console/app-clients";

    private final AppClientService clients;
    private final ConsoleAudit audit;
    private final Layout layout;

    AppClientPages(ConsoleServices s, Layout layout) {
        this.clients = s.appClients();
        this.audit = new ConsoleAudit(s);
        this.layout = layout;
    }

    void addTo(Map<String, ConsoleRoutes.ConsolePage> pages) {
        pages.put("GET " + BASE, this::list);
        pages.put("POST " + BASE, this::create);
        pages.put("GET " + BASE + "/{clientId}", this::edit);
        pages.put("POST " + BASE + "/{clientId}", this::update);
        pages.put("POST " + BASE + "/{clientId}/delete", this::delete);
    }

    private Answer list(ConsoleRequest r) {
        List<List<String>> rows = new ArrayList<>();
        for (AppClient.Response c : clients.list(r.tenantId())) {
            rows.add(List.of(Html.link(r.at(path(c.clientId())), c.name()), "<code>" + Html.text(c.clientId())
                    + "</code>", Html.text(c.accessTokenLifetime() + " s"), Html.text(c.refreshTokenLifetime() + " s"),
                    Html.text(c.createdAt())));
        }
        return Answer.page(layout.page(200, r, "App clients", "<p>Applications sessions are issued to; a client's "
                + "id is the clientId of createSession.</p>" + Html.table("App clients", List.of("Name", "Client id",
                "Access token", "Refresh token", "Created"), rows)
                + Html.section("New app client", form(r, BASE, null, "Create app client"))));
    }

    private Answer edit(ConsoleRequest r) {
        AppClient.Response c = clients.get(r.tenantId(), r.param("clientId"));
        return Answer.page(layout.page(200, r, "App client " + c.name(), Html.facts("Client id", "<code>"
                + Html.text(c.clientId()) + "</code>", "Created", Html.text(c.createdAt()), "Updated",
                Html.text(c.updatedAt())) + Html.section("Edit", form(r, path(c.clientId()), c, "Save app client"))
                + Html.section("Delete app client", Html.post(r.at(path(c.clientId()) + "/delete"), r.csrf(),
                "<p>Its sessions end with it: their tokens stop validating at once.</p>"
                        + Html.reason("delete-reason") + Html.button("Delete app client", "danger")))));
    }

    /** The client form, empty (the service's defaults apply) or filled with {@code c}. */
    private static String form(ConsoleRequest r, String action, AppClient.Response c, String submit) {
        return Html.post(r.at(action), r.csrf(), Html.field("name", "Name", c == null ? null : c.name(),
                "required maxlength=\"200\"") + Html.field("accessTokenLifetime", "Access token lifetime (seconds)",
                c == null ? null : String.valueOf(c.accessTokenLifetime()), "type=\"number\" min=\"1\"")
                + Html.field("refreshTokenLifetime", "Refresh token lifetime (seconds)",
                c == null ? null : String.valueOf(c.refreshTokenLifetime()), "type=\"number\" min=\"1\"")
                + Html.reason("reason") + Html.button(submit, "primary"));
    }

    private Answer create(ConsoleRequest r) {
        String reason = ConsoleAudit.reason(r.param("reason"));
        AppClientRequest request = request(r);
        AppClient.Response c = audit.together(() -> {
            AppClient.Response created = clients.create(r.tenantId(), request);
            audit.record(r, "app_client.created", "app client " + created.clientId() + " (" + created.name() + ")",
                    reason);
            return created;
        });
        return Answer.redirect(r.at(path(c.clientId())) + "&notice=app-client-saved");
    }

    private Answer update(ConsoleRequest r) {
        String reason = ConsoleAudit.reason(r.param("reason"));
        AppClientRequest request = request(r);
        AppClient.Response c = audit.together(() -> {
            AppClient.Response updated = clients.update(r.tenantId(), r.param("clientId"), request);
            audit.record(r, "app_client.updated", "app client " + updated.clientId() + ": access "
                    + updated.accessTokenLifetime() + " s, refresh " + updated.refreshTokenLifetime() + " s", reason);
            return updated;
        });
        return Answer.redirect(r.at(path(c.clientId())) + "&notice=app-client-saved");
    }

    private Answer delete(ConsoleRequest r) {
        String reason = ConsoleAudit.reason(r.param("delete-reason"));
        String clientId = r.param("clientId");
        audit.together(() -> {
            clients.delete(r.tenantId(), clientId);
            audit.record(r, "app_client.deleted", "app client " + clientId, reason);
        });
        return Answer.redirect(r.at(BASE) + "&notice=app-client-deleted");
    }

    /** The form as the admin API's body: a blank lifetime is absent (default on create, unchanged on edit). */
    private static AppClientRequest request(ConsoleRequest r) {
        return new AppClientRequest(r.param("name"), seconds(r, "accessTokenLifetime"),
                seconds(r, "refreshTokenLifetime"));
    }

    private static Long seconds(ConsoleRequest r, String field) {
        String value = r.param(field);
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw SignetException.invalid("'" + field + "' must be a whole number of seconds.");
        }
    }

    private static String path(String clientId) {
        return BASE + "/" + Html.q(clientId);
    }
}
