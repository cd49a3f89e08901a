package io.signet.bootstrap;

import java.util.Optional;

/** What a bootstrap file needs of the tenants: find one by name, or create it. The tenant feature implements it. */
public interface TenantDirectory {
    /** A new tenant's id and its secret key, which is shown once. */
    record Created(String tenantId, String secretKey) {
    }

    Optional<String> tenantIdByName(String name);

    Created createNamed(String name);
}
