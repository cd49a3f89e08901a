package io.signet.clientapi;

import io.signet.testing.Backend;

class ClientOtpFlowsPostgresIT extends ClientOtpFlowsContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
