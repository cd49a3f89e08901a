package io.signet.console;

import io.signet.testing.Backend;

class ConsoleSqliteIT extends ConsoleSecurityContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
