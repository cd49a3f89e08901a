package io.signet.action;

import io.signet.testing.Backend;

class HistoryInputsSqliteIT extends HistoryInputsContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
