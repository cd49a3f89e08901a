package io.signet.challenge;

import io.signet.testing.Backend;

class ReplayNodesPostgresIT extends ReplayNodesContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }

    @Override
    boolean twoNodes() {
        return true;
    }
}
