package io.signet.security;

import io.signet.testing.Backend;

class IdempotentSecretsSqliteIT extends IdempotentSecretsContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
