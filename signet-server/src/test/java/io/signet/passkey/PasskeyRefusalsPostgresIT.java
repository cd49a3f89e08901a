package io.signet.passkey;

import io.signet.testing.Backend;

class PasskeyRefusalsPostgresIT extends PasskeyRefusalsContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
