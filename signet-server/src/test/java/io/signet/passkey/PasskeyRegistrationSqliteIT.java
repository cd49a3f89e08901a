package io.signet.passkey;

import io.signet.testing.Backend;

class PasskeyRegistrationSqliteIT extends PasskeyRegistrationContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
