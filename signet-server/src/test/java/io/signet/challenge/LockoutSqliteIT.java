package io.signet.challenge;

import io.signet.testing.Backend;

class LockoutSqliteIT extends LockoutContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }

    @Override
    boolean twoNodes() {
        return false;
    }
}
