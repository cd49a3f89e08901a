-- Sessions (issue 9): app clients, per-tenant signing keys, sessions and their rotating refresh tokens.
-- Times are UTC epoch milliseconds; ids are application-generated text.

CREATE TABLE app_clients (
    tenant_id                  TEXT    NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    client_id                  TEXT    NOT NULL,
    name                       TEXT    NOT NULL,
    access_token_lifetime      INTEGER NOT NULL, -- seconds
    refresh_token_lifetime     INTEGER NOT NULL, -- seconds
    created_at                 INTEGER NOT NULL,
    updated_at                 INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, client_id)
);

-- ES256 keys that sign access tokens. The private key is AES-GCM sealed with SIGNET_ENCRYPTION_KEY; the
-- public JWK is served by the JWKS endpoint. A key never changes after insert; rotation retires the active
-- one (retired_at) and inserts the next. The partial unique index allows one active key per tenant, so two
-- nodes racing to create the first key cannot both succeed.
CREATE TABLE signing_keys (
    tenant_id      TEXT    NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    key_id         TEXT    NOT NULL,
    public_jwk     TEXT    NOT NULL,
    private_sealed TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    retired_at     INTEGER,
    PRIMARY KEY (tenant_id, key_id)
);
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (tenant_id) WHERE retired_at IS NULL;

-- One row per session (a refresh-token family). Deleting the user or the client deletes its sessions,
-- which revokes them: validation finds no row.
CREATE TABLE sessions (
    tenant_id            TEXT    NOT NULL,
    session_id           TEXT    NOT NULL,
    user_id              TEXT    NOT NULL,
    client_id            TEXT    NOT NULL,
    verification_method  TEXT,
    -- action code and idempotency key of the challenge the session was created from: unique, so one
    -- challenge token yields at most one session
    origin               TEXT    NOT NULL,
    created_at           INTEGER NOT NULL,
    expires_at           INTEGER NOT NULL,
    revoked_at           INTEGER,
    PRIMARY KEY (tenant_id, session_id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, user_id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, client_id) REFERENCES app_clients (tenant_id, client_id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX sessions_by_origin ON sessions (tenant_id, origin);
CREATE INDEX sessions_by_user ON sessions (tenant_id, user_id);
CREATE INDEX sessions_by_client ON sessions (tenant_id, client_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- Every refresh token ever issued for a session, by keyed hash. Exactly one per session is current
-- (retired_at NULL); a retired one presented again is reuse and revokes the session.
CREATE TABLE refresh_tokens (
    tenant_id    TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL,
    session_id   TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    retired_at   INTEGER,
    PRIMARY KEY (tenant_id, token_hash),
    FOREIGN KEY (tenant_id, session_id) REFERENCES sessions (tenant_id, session_id) ON DELETE CASCADE
);
CREATE INDEX refresh_tokens_by_session ON refresh_tokens (tenant_id, session_id);
