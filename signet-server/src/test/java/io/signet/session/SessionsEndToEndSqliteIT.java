package io.signet.session;

import io.signet.testing.Backend;

class SessionsEndToEndSqliteIT extends SessionsEndToEndContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
