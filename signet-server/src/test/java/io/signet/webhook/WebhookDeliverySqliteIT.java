package io.signet.webhook;

import io.signet.testing.Backend;

class WebhookDeliverySqliteIT extends WebhookDeliveryContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
