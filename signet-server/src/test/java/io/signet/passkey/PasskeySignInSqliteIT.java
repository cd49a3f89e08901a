package io.signet.passkey;

import io.signet.testing.Backend;

class PasskeySignInSqliteIT extends PasskeySignInContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
