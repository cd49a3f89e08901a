package io.signet.store;

import io.signet.testing.Backend;

class StorageSqliteIT extends StorageContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
