package io.signet.golden;

import io.signet.testing.Backend;

class GoldenWireSqliteIT extends GoldenWireContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
