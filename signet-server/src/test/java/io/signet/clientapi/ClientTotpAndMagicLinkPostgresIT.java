package io.signet.clientapi;

import io.signet.testing.Backend;

class ClientTotpAndMagicLinkPostgresIT extends ClientTotpAndMagicLinkContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
