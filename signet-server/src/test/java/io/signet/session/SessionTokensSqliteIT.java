package io.signet.session;

import io.signet.testing.Backend;

class SessionTokensSqliteIT extends SessionTokensContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
