package io.signet.session;

import io.signet.testing.Backend;

class SessionsApiSqliteIT extends SessionsApiContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
