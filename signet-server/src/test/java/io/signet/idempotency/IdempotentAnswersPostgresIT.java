package io.signet.idempotency;

import io.signet.testing.Backend;

class IdempotentAnswersPostgresIT extends IdempotentAnswersContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
