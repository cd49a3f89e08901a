package io.signet.reliability;

import io.signet.testing.Backend;

class CrashRecoveryPostgresIT extends CrashRecoveryContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
