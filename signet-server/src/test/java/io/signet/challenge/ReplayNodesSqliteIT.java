package io.signet.challenge;

import io.signet.testing.Backend;

class ReplayNodesSqliteIT extends ReplayNodesContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }

    @Override
    boolean twoNodes() {
        return false;
    }
}
