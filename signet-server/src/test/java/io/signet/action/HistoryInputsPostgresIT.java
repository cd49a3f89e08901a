package io.signet.action;

import io.signet.testing.Backend;

class HistoryInputsPostgresIT extends HistoryInputsContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
