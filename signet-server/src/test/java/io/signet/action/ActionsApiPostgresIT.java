package io.signet.action;

import io.signet.testing.Backend;

class ActionsApiPostgresIT extends ActionsApiContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
