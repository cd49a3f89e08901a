package io.signet.clientapi;

import io.signet.testing.Backend;

class ClientEdgePostgresIT extends ClientEdgeContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
