package io.signet.tenant;

import java.util.Objects;

/** A tenant: one customer's isolated set of users, keys and configuration. */
public record Tenant(String tenantId, String name, long createdAt) {
    public Tenant {
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(name);
    }
}
