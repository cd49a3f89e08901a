package io.signet.store;

import io.signet.testing.Backend;

class StoragePostgresIT extends StorageContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
