package io.signet.webhook;

import io.signet.testing.Backend;

class WebhookAdminPostgresIT extends WebhookAdminContract {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
