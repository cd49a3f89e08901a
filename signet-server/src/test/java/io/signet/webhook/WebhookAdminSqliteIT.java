package io.signet.webhook;

import io.signet.testing.Backend;

class WebhookAdminSqliteIT extends WebhookAdminContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }
}
