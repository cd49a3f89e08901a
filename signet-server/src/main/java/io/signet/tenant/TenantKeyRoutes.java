package io.signet.tenant;

import io.javalin.http.Context;
import io.signet.error.SignetException;
import io.signet.http.Idempotency;
import io.signet.http.Requests;
import io.signet.http.Router;
import io.signet.http.Routes;
import io.signet.wire.IdField;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's own secret keys and audit log, with its secret key like the rest of {@code /admin}: list,
 * rotate (the new key answered once), revoke. Changes are audited as {@code key:<id of the key used>}.
 */
public final class TenantKeyRoutes implements Routes {
    private static final int MAX_AUDIT_PAGE = 1000;

    private final TenantService tenants;

    public TenantKeyRoutes(TenantService tenants) {
        this.tenants = tenants;
    }

    @Override
    public void register(Router router) {
        router.get("/admin/v1/keys", ctx -> keys(tenants, Requests.tenantId(ctx)));
        router.post("/admin/v1/keys/rotate", ctx -> rotate(tenants, Requests.tenantId(ctx), ctx, caller(tenants, ctx)));
        router.delete("/admin/v1/keys/{keyId}", ctx -> {
            tenants.revoke(Requests.tenantId(ctx), Requests.id(ctx, "keyId"), caller(tenants, ctx));
            return Map.of("revoked", true);
        });
        router.get("/admin/v1/audit", ctx -> audit(tenants, Requests.tenantId(ctx), ctx));
    }

    /** The tenant key that authenticated this {@code /admin} request, and the caller's address. */
    static Actor caller(TenantService tenants, Context ctx) {
        String keyId = Requests.basicUser(ctx).flatMap(tenants::keyIdForSecretKey)
                .orElseThrow(() -> new IllegalStateException("route is not behind the authentication filter"));
        return Actor.tenantKey(keyId, io.signet.http.ClientOrigin.of(ctx).ip());
    }

    /** {@code {"oldKeyExpiresInSeconds": n}} (optional): when the keys active so far stop working. */
    record RotateRequest(Long oldKeyExpiresInSeconds) {
    }

    static Object rotate(TenantService tenants, String tenantId, Context ctx, Actor actor) {
        if (ctx.header(Idempotency.HEADER) != null) {
            // A replayable answer would be stored, and with it the new key in plaintext.
            throw SignetException.invalid("Rotating a key takes no Idempotency-Key: its answer holds the new key, "
                    + "which Signet does not store. List the keys to see whether a rotation happened.");
        }
        RotateRequest body = ctx.body().isBlank() ? new RotateRequest(null) : Requests.body(ctx, RotateRequest.class);
        if (body.oldKeyExpiresInSeconds() != null && body.oldKeyExpiresInSeconds() < 0) {
            throw SignetException.invalid("'oldKeyExpiresInSeconds' must not be negative.");
        }
        RotatedKey rotated = tenants.rotate(tenantId,
                Optional.ofNullable(body.oldKeyExpiresInSeconds()).map(Duration::ofSeconds), actor);
        return RotatedKeyView.of(rotated);
    }

    static Object keys(TenantService tenants, String tenantId) {
        return Map.of("keys", tenants.keys(tenantId).stream().map(KeyView::of).toList());
    }

    static Object audit(TenantService tenants, String tenantId, Context ctx) {
        Integer limit = Requests.queryInt(ctx, "limit", MAX_AUDIT_PAGE);
        String before = Requests.query(ctx, "before");
        if (before != null) {
            IdField.check("before", before);
        }
        return Map.of("events", tenants.audit(tenantId, before, limit == null ? 100 : limit).stream()
                .map(AuditView::of).toList());
    }
}
