package io.signet.ui;

import io.signet.testing.Backend;

class HostedPagePostgresIT extends HostedPageContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
