package io.signet.console;

import io.signet.testing.Backend;

class ConsoleActionsPostgresIT extends ConsoleActionsContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
