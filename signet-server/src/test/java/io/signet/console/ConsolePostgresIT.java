package io.signet.console;

import io.signet.testing.Backend;

class ConsolePostgresIT extends ConsoleSecurityContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
