package io.signet.action;

import io.signet.testing.Backend;

class RulesApiSqliteIT extends RulesApiContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
