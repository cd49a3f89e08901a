package io.signet.session;

import io.javalin.http.Context;
import io.signet.http.Requests;
import io.signet.http.Router;
import io.signet.http.Routes;
import io.signet.http.Success;
import java.util.List;

/**
 * App clients, Signet's own admin API (Authsignal configures them in its portal); tenant secret key auth
 * like {@code /v1}.
 */
public final class AppClientRoutes implements Routes {
    private final AppClientService clients;

    public AppClientRoutes(AppClientService clients) {
        this.clients = clients;
    }

    @Override
    public void register(Router router) {
        router.post("/admin/v1/clients", this::createClient);
        router.get("/admin/v1/clients", this::listClients);
        router.get("/admin/v1/clients/{clientId}", this::getClient);
        router.patch("/admin/v1/clients/{clientId}", this::updateClient);
        router.delete("/admin/v1/clients/{clientId}", this::deleteClient);
    }

    record ClientList(List<AppClient.Response> clients) {
    }

    /** {@code POST /admin/v1/clients} with {@code {name, accessTokenLifetime?, refreshTokenLifetime?}}. */
    private Object createClient(Context ctx) {
        return clients.create(Requests.tenantId(ctx), Requests.body(ctx, AppClientRequest.class));
    }

    /** {@code GET /admin/v1/clients}: oldest first. */
    private Object listClients(Context ctx) {
        return new ClientList(clients.list(Requests.tenantId(ctx)));
    }

    /** {@code GET /admin/v1/clients/{clientId}}. */
    private Object getClient(Context ctx) {
        return clients.get(Requests.tenantId(ctx), Requests.id(ctx, "clientId"));
    }

    /** {@code PATCH /admin/v1/clients/{clientId}}: the fields sent change. */
    private Object updateClient(Context ctx) {
        return clients.update(Requests.tenantId(ctx), Requests.id(ctx, "clientId"),
                Requests.body(ctx, AppClientRequest.class));
    }

    /** {@code DELETE /admin/v1/clients/{clientId}}: its sessions are deleted with it. */
    private Object deleteClient(Context ctx) {
        clients.delete(Requests.tenantId(ctx), Requests.id(ctx, "clientId"));
        return Success.OK;
    }
}
