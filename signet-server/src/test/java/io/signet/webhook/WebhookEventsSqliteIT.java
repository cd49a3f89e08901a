package io.signet.webhook;

import io.signet.testing.Backend;

class WebhookEventsSqliteIT extends WebhookEventsContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
