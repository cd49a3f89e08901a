package io.signet.tenant;

import io.signet.testing.Backend;

class TenantLifecyclePostgresIT extends TenantLifecycleContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
