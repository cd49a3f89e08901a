package io.signet.session;

import io.signet.testing.Backend;

class AppClientsApiSqliteIT extends AppClientsApiContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
