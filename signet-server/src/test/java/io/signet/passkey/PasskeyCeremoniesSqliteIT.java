package io.signet.passkey;

import io.signet.testing.Backend;

class PasskeyCeremoniesSqliteIT extends PasskeyCeremoniesContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
