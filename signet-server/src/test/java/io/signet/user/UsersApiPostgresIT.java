package io.signet.user;

import io.signet.testing.Backend;

class UsersApiPostgresIT extends UsersApiContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
