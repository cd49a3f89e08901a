package io.signet.authenticator;

import io.signet.testing.Backend;

class AuthenticatorSecretsSqliteIT extends AuthenticatorSecretsContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
