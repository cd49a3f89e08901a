package io.signet.webhook;

import io.signet.testing.Backend;

class WebhookAdminSqliteIT extends WebhookAdminContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
