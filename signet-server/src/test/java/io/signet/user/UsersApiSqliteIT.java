package io.signet.user;

import io.signet.testing.Backend;

class UsersApiSqliteIT extends UsersApiContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
