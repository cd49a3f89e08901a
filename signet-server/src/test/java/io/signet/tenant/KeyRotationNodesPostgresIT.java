package io.signet.tenant;

import io.signet.testing.Backend;

class KeyRotationNodesPostgresIT extends KeyRotationNodesContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
