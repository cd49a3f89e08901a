package io.signet.webhook;

import io.signet.testing.Backend;

class WebhookDeliveryPostgresIT extends WebhookDeliveryContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
