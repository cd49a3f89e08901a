package io.signet.webhook;

import io.signet.testing.Backend;

class WebhookDeliverySqliteIT extends WebhookDeliveryContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
