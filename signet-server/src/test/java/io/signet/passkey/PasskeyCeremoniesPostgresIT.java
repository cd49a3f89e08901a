package io.signet.passkey;

import io.signet.testing.Backend;

class PasskeyCeremoniesPostgresIT extends PasskeyCeremoniesContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
