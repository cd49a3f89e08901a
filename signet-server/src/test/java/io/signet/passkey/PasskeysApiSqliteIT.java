package io.signet.passkey;

import io.signet.testing.Backend;

class PasskeysApiSqliteIT extends PasskeysApiContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
