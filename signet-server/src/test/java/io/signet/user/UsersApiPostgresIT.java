package io.signet.user;

import io.signet.testing.Backend;

class UsersApiPostgresIT extends UsersApiContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
