package io.signet.action;

import io.signet.testing.Backend;

class ActionsApiSqliteIT extends ActionsApiContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
