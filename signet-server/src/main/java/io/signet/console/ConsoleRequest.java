package io.signet.console;

import io.signet.tenant.Tenant;
import java.util.List;
import java.util.Map;

/**
 * What a signed-in console request brings, read from it by {@link ConsoleRoutes}: the operator, the session's
 * CSRF field for the forms the page shows, the caller's address (for the audit log), the path, query and form
 * parameters in one map (a form field wins over a query parameter of the same name), the request's path,
 * the tenants the picker offers and the tenant picked.
 */
record ConsoleRequest(ConsoleSessions.Operator operator, String csrf, String ip, Map<String, String> params,
                      String path, List<Tenant> tenants, Tenant tenant) {
    ConsoleRequest {
        params = Map.copyOf(params);
        tenants = List.copyOf(tenants);
    }

    /** A parameter, stripped; null when absent or blank. */
    String param(String name) {
        String v = params.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    String tenantId() {
        return tenant == null ? null : tenant.tenantId();
    }

    /** {@code path} with the picked tenant as its query, for links and redirects. */
    String at(String path) {
        return tenant == null ? path : path + (path.contains("?") ? "&" : "?") + "tenant=" + Html.q(tenant.tenantId());
    }
}
