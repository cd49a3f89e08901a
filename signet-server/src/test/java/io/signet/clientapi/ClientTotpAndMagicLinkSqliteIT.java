package io.signet.clientapi;

import io.signet.testing.Backend;

class ClientTotpAndMagicLinkSqliteIT extends ClientTotpAndMagicLinkContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
