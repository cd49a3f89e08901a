package io.signet.ui;

import io.signet.testing.Backend;

class HostedPageSqliteIT extends HostedPageContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
