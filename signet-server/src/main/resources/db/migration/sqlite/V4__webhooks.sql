-- Webhooks: endpoints per tenant, the transactional outbox (events written in the transaction of the
-- change that causes them), one delivery per event and endpoint, and every attempt of a delivery.
-- Times are UTC epoch milliseconds; ids are application-generated text.

CREATE TABLE webhook_endpoints (
    tenant_id    TEXT    NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    endpoint_id  TEXT    NOT NULL,
    url          TEXT    NOT NULL,
    event_types  TEXT    NOT NULL, -- comma-separated event types, or '*' for every asynchronous type
    enabled      INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, endpoint_id)
);

-- One counter row per tenant, incremented in the publishing transaction: its row lock orders concurrent
-- publishers and a rollback undoes the increment, so sequence numbers are gap-free and in commit order.
CREATE TABLE webhook_sequences (
    tenant_id      TEXT    NOT NULL PRIMARY KEY REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    last_sequence  INTEGER NOT NULL
);

-- No foreign key to users: an event must outlive the user it is about (authenticator.deleted, deleteUser).
CREATE TABLE webhook_events (
    tenant_id   TEXT    NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    event_id    TEXT    NOT NULL,
    sequence    INTEGER,          -- NULL for synchronous events, which are not part of the ordered stream
    type        TEXT    NOT NULL,
    user_id     TEXT,
    payload     TEXT,             -- the exact body sent; NULL for synchronous events (they carry OTP codes)
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, event_id),
    UNIQUE (tenant_id, sequence)
);
CREATE INDEX webhook_events_by_time ON webhook_events (created_at);

CREATE TABLE webhook_deliveries (
    tenant_id        TEXT    NOT NULL,
    delivery_id      TEXT    NOT NULL,
    endpoint_id      TEXT    NOT NULL,
    event_id         TEXT    NOT NULL,
    user_key         TEXT    NOT NULL, -- user id, or '' for tenant-level events: deliveries are ordered per key
    sequence         INTEGER,
    mode             TEXT    NOT NULL, -- ASYNC or SYNC
    status           TEXT    NOT NULL, -- PENDING, SUCCEEDED or FAILED
    attempts         INTEGER NOT NULL,
    next_attempt_at  INTEGER,
    lease_owner      TEXT,
    lease_until      INTEGER,
    redelivery_of    TEXT,
    redelivered_by   TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, delivery_id),
    FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoints (tenant_id, endpoint_id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, event_id) REFERENCES webhook_events (tenant_id, event_id) ON DELETE CASCADE
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_in_order ON webhook_deliveries (tenant_id, endpoint_id, user_key, status, sequence);
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (tenant_id, endpoint_id, delivery_id);

CREATE TABLE webhook_attempts (
    tenant_id     TEXT    NOT NULL,
    attempt_id    TEXT    NOT NULL,
    delivery_id   TEXT    NOT NULL,
    endpoint_id   TEXT    NOT NULL,
    attempt       INTEGER NOT NULL,
    attempted_at  INTEGER NOT NULL,
    succeeded     INTEGER NOT NULL,
    status_code   INTEGER,
    latency_ms    INTEGER NOT NULL,
    error         TEXT,
    PRIMARY KEY (tenant_id, attempt_id),
    FOREIGN KEY (tenant_id, delivery_id) REFERENCES webhook_deliveries (tenant_id, delivery_id) ON DELETE CASCADE
);
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (tenant_id, delivery_id);
CREATE INDEX webhook_attempts_by_endpoint ON webhook_attempts (tenant_id, endpoint_id, attempted_at);
