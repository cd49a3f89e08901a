package io.signet.security;

import io.signet.testing.Backend;

class IdempotentSecretsPostgresIT extends IdempotentSecretsContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
