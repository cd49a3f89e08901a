package io.signet.authenticator;

import io.signet.testing.Backend;

class AuthenticatorSecretsPostgresIT extends AuthenticatorSecretsContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
