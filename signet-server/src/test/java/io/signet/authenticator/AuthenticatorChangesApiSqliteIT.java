package io.signet.authenticator;

import io.signet.testing.Backend;

class AuthenticatorChangesApiSqliteIT extends AuthenticatorChangesApiContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
