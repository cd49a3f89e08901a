package io.signet.tenant;

import io.signet.wire.WireTime;

/** A tenant on the wire: id, name and creation time (ISO 8601). */
public record TenantView(String tenantId, String name, String createdAt) {
    public static TenantView of(Tenant t) {
        return new TenantView(t.tenantId(), t.name(), WireTime.iso(t.createdAt()));
    }
}
