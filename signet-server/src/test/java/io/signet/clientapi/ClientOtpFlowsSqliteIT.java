package io.signet.clientapi;

import io.signet.testing.Backend;

class ClientOtpFlowsSqliteIT extends ClientOtpFlowsContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
