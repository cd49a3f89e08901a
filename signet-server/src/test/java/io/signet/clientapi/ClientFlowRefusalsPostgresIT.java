package io.signet.clientapi;

import io.signet.testing.Backend;

class ClientFlowRefusalsPostgresIT extends ClientFlowRefusalsContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
