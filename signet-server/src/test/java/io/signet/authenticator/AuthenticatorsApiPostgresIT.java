package io.signet.authenticator;

import io.signet.testing.Backend;

class AuthenticatorsApiPostgresIT extends AuthenticatorsApiContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
