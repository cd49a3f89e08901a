package io.signet.authenticator;

import io.signet.testing.Backend;

class AuthenticatorsApiSqliteIT extends AuthenticatorsApiContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
