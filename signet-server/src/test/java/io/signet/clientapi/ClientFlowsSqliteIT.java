package io.signet.clientapi;

import io.signet.testing.Backend;

class ClientFlowsSqliteIT extends ClientFlowsContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
