package io.signet.passkey;

import io.signet.testing.Backend;

class PasskeyReplaysSqliteIT extends PasskeyReplaysContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
