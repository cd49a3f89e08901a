package io.signet.action;

import io.signet.testing.Backend;

class RulesApiPostgresIT extends RulesApiContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
