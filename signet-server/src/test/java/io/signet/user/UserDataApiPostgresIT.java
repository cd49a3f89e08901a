package io.signet.user;

import io.signet.testing.Backend;

class UserDataApiPostgresIT extends UserDataApiContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
