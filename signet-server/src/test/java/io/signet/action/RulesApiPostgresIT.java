package io.signet.action;

import io.signet.testing.Backend;

class RulesApiPostgresIT extends RulesApiContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
