package io.signet.reliability;

import io.signet.testing.Backend;

class CrashRecoverySqliteIT extends CrashRecoveryContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
