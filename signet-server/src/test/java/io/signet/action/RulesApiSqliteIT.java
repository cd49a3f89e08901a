package io.signet.action;

import io.signet.testing.Backend;

class RulesApiSqliteIT extends RulesApiContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
