package io.signet.challenge;

import io.signet.testing.Backend;

class LockoutPostgresIT extends LockoutContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }

    @Override
    boolean twoNodes() {
        return true;
    }
}
