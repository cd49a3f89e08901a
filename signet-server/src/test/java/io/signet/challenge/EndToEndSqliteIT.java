package io.signet.challenge;

import io.signet.testing.Backend;

class EndToEndSqliteIT extends EndToEndContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
