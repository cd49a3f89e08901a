package io.signet.user;

import io.signet.testing.Backend;

class UsersApiSqliteIT extends UsersApiContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
