package io.signet.action;

import io.signet.testing.Backend;

class ActionsApiPostgresIT extends ActionsApiContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
