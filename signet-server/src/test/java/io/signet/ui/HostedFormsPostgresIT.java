package io.signet.ui;

import io.signet.testing.Backend;

class HostedFormsPostgresIT extends HostedFormsContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
