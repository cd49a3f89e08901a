package io.signet.session;

import io.signet.testing.Backend;

class SessionKeysAndConcurrencySqliteIT extends SessionKeysAndConcurrencyContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
