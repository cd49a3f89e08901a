package io.signet.session;

import io.signet.testing.Backend;

class SessionsEndToEndPostgresIT extends SessionsEndToEndContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
