package io.signet.passkey;

import io.signet.testing.Backend;

class PasskeysApiPostgresIT extends PasskeysApiContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
