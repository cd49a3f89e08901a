package io.signet.tenant;

import io.signet.testing.Backend;

class TenantLifecycleSqliteIT extends TenantLifecycleContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
