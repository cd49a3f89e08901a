package io.signet.passkey;

import io.signet.testing.Backend;

class PasskeySignInPostgresIT extends PasskeySignInContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
