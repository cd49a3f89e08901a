package io.signet.clientapi;

import io.signet.testing.Backend;

class ClientFlowRefusalsSqliteIT extends ClientFlowRefusalsContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
