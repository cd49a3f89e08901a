package io.signet.webhook;

import io.signet.testing.Backend;

class WebhookEventsPostgresIT extends WebhookEventsContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
