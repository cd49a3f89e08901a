package io.signet.authenticator;

import io.signet.testing.Backend;

class AuthenticatorChangesApiPostgresIT extends AuthenticatorChangesApiContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
