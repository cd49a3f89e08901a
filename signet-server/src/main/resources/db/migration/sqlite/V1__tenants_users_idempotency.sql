-- Foundation: tenants, their hashed API keys, users, idempotency records.
-- Times are UTC epoch milliseconds; ids are application-generated text.

CREATE TABLE tenants (
    tenant_id   TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE tenant_keys (
    tenant_id   TEXT    NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    key_id      TEXT    NOT NULL,
    key_hash    TEXT    NOT NULL UNIQUE,
    key_prefix  TEXT    NOT NULL,
    -- AES-GCM sealed key: webhook signatures are keyed with the tenant's secret key itself
    -- (authsignal-api.md §9.1), so it must be readable; authentication uses only key_hash.
    key_sealed  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    revoked_at  INTEGER,
    PRIMARY KEY (tenant_id, key_id)
);

CREATE TABLE users (
    tenant_id                    TEXT    NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    user_id                      TEXT    NOT NULL,
    email                        TEXT,
    email_normalized             TEXT,
    email_verified               INTEGER NOT NULL DEFAULT 0,
    phone_number                 TEXT,
    phone_number_verified        INTEGER NOT NULL DEFAULT 0,
    username                     TEXT,
    display_name                 TEXT,
    custom                       TEXT,
    locale                       TEXT,
    default_verification_method  TEXT,
    created_at                   INTEGER NOT NULL,
    updated_at                   INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX users_by_email ON users (tenant_id, email_normalized);
CREATE INDEX users_by_phone ON users (tenant_id, phone_number);
CREATE INDEX users_by_username ON users (tenant_id, username);

CREATE TABLE idempotency_records (
    tenant_id        TEXT    NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    idempotency_key  TEXT    NOT NULL,
    request_hash     TEXT    NOT NULL,
    status_code      INTEGER,
    response_body    TEXT,
    created_at       INTEGER NOT NULL,
    expires_at       INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, idempotency_key)
);
CREATE INDEX idempotency_by_expiry ON idempotency_records (expires_at);
