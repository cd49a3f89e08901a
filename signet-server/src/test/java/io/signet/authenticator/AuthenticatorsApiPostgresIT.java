package io.signet.authenticator;

import io.signet.testing.Backend;

class AuthenticatorsApiPostgresIT extends AuthenticatorsApiContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
