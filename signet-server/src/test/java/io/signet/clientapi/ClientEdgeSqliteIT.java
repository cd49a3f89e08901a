package io.signet.clientapi;

import io.signet.testing.Backend;

class ClientEdgeSqliteIT extends ClientEdgeContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
