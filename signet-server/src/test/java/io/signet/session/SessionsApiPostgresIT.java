package io.signet.session;

import io.signet.testing.Backend;

class SessionsApiPostgresIT extends SessionsApiContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
