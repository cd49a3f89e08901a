package io.signet.webhook;

import io.signet.testing.Backend;

class WebhookAdminPostgresIT extends WebhookAdminContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
