package io.signet.challenge;

import io.signet.testing.Backend;

class EndToEndPostgresIT extends EndToEndContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
