package io.signet.golden;

import io.signet.testing.Backend;

class GoldenWirePostgresIT extends GoldenWireContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
