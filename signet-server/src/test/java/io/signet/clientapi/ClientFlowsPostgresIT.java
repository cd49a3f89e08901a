package io.signet.clientapi;

import io.signet.testing.Backend;

class ClientFlowsPostgresIT extends ClientFlowsContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
