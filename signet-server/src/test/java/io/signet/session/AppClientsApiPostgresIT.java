package io.signet.session;

import io.signet.testing.Backend;

class AppClientsApiPostgresIT extends AppClientsApiContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
