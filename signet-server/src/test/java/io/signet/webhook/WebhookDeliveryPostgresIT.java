package io.signet.webhook;

import io.signet.testing.Backend;

class WebhookDeliveryPostgresIT extends WebhookDeliveryContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
