package io.signet.tenant;

import io.signet.testing.Backend;

class KeyRotationNodesSqliteIT extends KeyRotationNodesContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
