package io.signet.passkey;

import io.signet.testing.Backend;

class PasskeyReplaysPostgresIT extends PasskeyReplaysContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
