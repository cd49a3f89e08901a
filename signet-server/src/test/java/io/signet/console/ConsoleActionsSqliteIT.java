package io.signet.console;

import io.signet.testing.Backend;

class ConsoleActionsSqliteIT extends ConsoleActionsContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
