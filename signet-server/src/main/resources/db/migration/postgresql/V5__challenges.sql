-- Challenges: one row per challenge started with POST /v1/challenge (authsignal-api.md §7.5).
-- Codes and magic-link tokens are stored only as keyed hashes. user_id is NULL until a user is known
-- (the Java SDK's challenge carries no userId; /v1/claim assigns one); the composite foreign key is not
-- checked while it is NULL and cascades deleteUser once set.

CREATE TABLE challenges (
    tenant_id             TEXT     NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    challenge_id          TEXT     NOT NULL,
    user_id               TEXT,
    action_code           TEXT,
    idempotency_key       TEXT     NOT NULL,
    verification_method   TEXT     NOT NULL,
    sms_channel           TEXT,
    email                 TEXT,
    phone_number          TEXT,
    locale                TEXT,
    code_hash             TEXT,
    link_hash             TEXT     UNIQUE,
    attempts              INTEGER  NOT NULL DEFAULT 0,
    created_at            BIGINT   NOT NULL,
    expires_at            BIGINT   NOT NULL,
    verified_at           BIGINT,
    PRIMARY KEY (tenant_id, challenge_id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, user_id) ON DELETE CASCADE
);
CREATE INDEX challenges_by_user ON challenges (tenant_id, user_id, created_at);
CREATE INDEX challenges_by_expiry ON challenges (expires_at);

-- Fixed-window sending counters (per user/recipient and per end-user IP), shared by every node.
CREATE TABLE send_counters (
    tenant_id     TEXT     NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    counter_key   TEXT     NOT NULL,
    window_start  BIGINT   NOT NULL,
    sends         INTEGER  NOT NULL,
    PRIMARY KEY (tenant_id, counter_key, window_start)
);
CREATE INDEX send_counters_by_window ON send_counters (window_start);

-- TOTP replay guard: a (authenticator, time step) pair accepted once can never be accepted again.
CREATE TABLE totp_used_steps (
    tenant_id              TEXT     NOT NULL,
    user_id                TEXT     NOT NULL,
    user_authenticator_id  TEXT     NOT NULL,
    time_step              BIGINT   NOT NULL,
    used_at                BIGINT   NOT NULL,
    PRIMARY KEY (tenant_id, user_authenticator_id, time_step),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, user_id) ON DELETE CASCADE
);
CREATE INDEX totp_used_steps_by_age ON totp_used_steps (used_at);
