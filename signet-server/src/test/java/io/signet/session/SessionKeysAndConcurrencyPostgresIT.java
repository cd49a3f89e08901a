package io.signet.session;

import io.signet.testing.Backend;

class SessionKeysAndConcurrencyPostgresIT extends SessionKeysAndConcurrencyContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
