package io.signet.store;

import io.signet.testing.Backend;

class UpgradeSqliteIT extends UpgradeContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
