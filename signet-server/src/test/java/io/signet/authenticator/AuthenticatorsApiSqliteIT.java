package io.signet.authenticator;

import io.signet.testing.Backend;

class AuthenticatorsApiSqliteIT extends AuthenticatorsApiContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
