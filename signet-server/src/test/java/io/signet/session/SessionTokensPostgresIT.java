package io.signet.session;

import io.signet.testing.Backend;

class SessionTokensPostgresIT extends SessionTokensContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
