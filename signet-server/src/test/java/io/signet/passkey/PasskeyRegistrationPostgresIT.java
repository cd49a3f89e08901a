package io.signet.passkey;

import io.signet.testing.Backend;

class PasskeyRegistrationPostgresIT extends PasskeyRegistrationContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
