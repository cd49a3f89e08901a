package io.signet.ui;

import io.signet.testing.Backend;

class HostedFormsSqliteIT extends HostedFormsContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
