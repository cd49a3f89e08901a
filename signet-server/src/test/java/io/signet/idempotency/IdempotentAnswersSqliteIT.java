package io.signet.idempotency;

import io.signet.testing.Backend;

class IdempotentAnswersSqliteIT extends IdempotentAnswersContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
