package io.signet.tenant;

import io.javalin.http.Context;
import io.signet.error.ErrorCode;
import io.signet.error.SignetException;
import io.signet.http.Idempotency;
import io.signet.http.Requests;
import io.signet.http.Router;
import io.signet.http.Routes;
import java.util.Map;
import java.util.Optional;

/**
 * The operator API: tenants and their secret keys across the installation, authenticated with the
 * {@link OperatorKey} (HTTP Basic, the key as user name) instead of a tenant key. Every change is audited
 * with actor {@code operator} and the caller's address.
 */
public final class OperatorRoutes implements Routes {
    static final String BASE = "/operator/v1";

    private final TenantService tenants;
    private final OperatorKey operatorKey;

    public OperatorRoutes(TenantService tenants, OperatorKey operatorKey) {
        this.tenants = tenants;
        this.operatorKey = operatorKey;
    }

    @Override
    public void register(Router router) {
        router.before(BASE + "/*", this::authenticate);
        router.get(BASE + "/tenants", ctx -> Map.of("tenants", tenants.list().stream().map(TenantView::of).toList()));
        router.post(BASE + "/tenants", this::create);
        router.get(BASE + "/tenants/{tenantId}", ctx -> TenantView.of(tenants.findVisible(tenantId(ctx))
                .orElseThrow(() -> SignetException.notFound("No tenant has the id '" + tenantId(ctx) + "'."))));
        router.patch(BASE + "/tenants/{tenantId}", this::rename);
        router.delete(BASE + "/tenants/{tenantId}", this::delete);
        router.get(BASE + "/tenants/{tenantId}/keys", ctx -> TenantKeyRoutes.keys(tenants, tenantId(ctx)));
        router.post(BASE + "/tenants/{tenantId}/keys/rotate",
                ctx -> TenantKeyRoutes.rotate(tenants, tenantId(ctx), ctx, actor(ctx)));
        router.delete(BASE + "/tenants/{tenantId}/keys/{keyId}", ctx -> {
            tenants.revoke(tenantId(ctx), Requests.id(ctx, "keyId"), actor(ctx));
            return Map.of("revoked", true);
        });
        router.get(BASE + "/tenants/{tenantId}/audit", ctx -> TenantKeyRoutes.audit(tenants, tenantId(ctx), ctx));
    }

    /** Idempotency keys are scoped to a tenant, so the operator API takes none rather than mis-scope them. */
    private void authenticate(Context ctx) {
        if (!Requests.basicUser(ctx).map(operatorKey::matches).orElse(false)) {
            throw new SignetException(ErrorCode.UNAUTHORIZED, operatorKey.isConfigured()
                    ? "The operator API needs the operator key as the HTTP Basic user name."
                    : "The operator API is off: set SIGNET_OPERATOR_KEY on this node.");
        }
        if (ctx.header(Idempotency.HEADER) != null) {
            throw SignetException.invalid("The operator API does not take an Idempotency-Key.");
        }
    }

    private static Actor actor(Context ctx) {
        return Actor.operator(io.signet.http.ClientOrigin.of(ctx).ip());
    }

    private static String tenantId(Context ctx) {
        return Requests.id(ctx, "tenantId");
    }

    record CreateRequest(String name) {
    }

    record RenameRequest(String name) {
    }

    private Object create(Context ctx) {
        CreatedTenant created = tenants.create(Requests.body(ctx, CreateRequest.class).name(), Optional.empty(),
                actor(ctx));
        return Map.of("tenant", TenantView.of(created.tenant()), "secretKey", created.secretKey());
    }

    private Object rename(Context ctx) {
        return TenantView.of(tenants.rename(tenantId(ctx), Requests.body(ctx, RenameRequest.class).name(), actor(ctx)));
    }

    private Object delete(Context ctx) {
        tenants.delete(tenantId(ctx), Requests.query(ctx, "confirm"), actor(ctx));
        return Map.of("deleted", true);
    }
}
