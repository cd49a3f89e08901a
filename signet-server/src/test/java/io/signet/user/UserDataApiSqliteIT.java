package io.signet.user;

import io.signet.testing.Backend;

class UserDataApiSqliteIT extends UserDataApiContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
