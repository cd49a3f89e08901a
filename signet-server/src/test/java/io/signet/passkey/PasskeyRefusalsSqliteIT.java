package io.signet.passkey;

import io.signet.testing.Backend;

class PasskeyRefusalsSqliteIT extends PasskeyRefusalsContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
