-- Authenticators (issue 4): enrolled factors, recovery code hashes, per-tenant settings.
-- Times are UTC epoch milliseconds; booleans are BOOLEAN.

-- One row per tenant once a setting was changed; a missing row means the defaults.
CREATE TABLE tenant_settings (
    tenant_id                   TEXT    NOT NULL PRIMARY KEY REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    protect_last_authenticator  BOOLEAN NOT NULL DEFAULT FALSE,
    recovery_codes_enabled      BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at                  BIGINT NOT NULL
);

CREATE TABLE authenticators (
    tenant_id              TEXT    NOT NULL,
    authenticator_id       TEXT    NOT NULL,
    user_id                TEXT    NOT NULL,
    verification_method    TEXT    NOT NULL,
    -- What makes two enrollments the same: the normalised email, the phone number, a keyed hash of the
    -- TOTP secret, or the passkey credential id. The unique constraint on it makes a duplicate
    -- impossible even when identical enrollments race.
    match_key              TEXT    NOT NULL,
    email                  TEXT,
    phone_number           TEXT,
    -- AES-GCM, associated data binds it to tenant and authenticator id.
    totp_secret_sealed     TEXT,
    totp_issuer            TEXT,
    totp_account           TEXT,
    totp_algorithm         TEXT,
    totp_digits            INTEGER,
    totp_period            INTEGER,
    credential_id          TEXT,
    -- A public key: nothing to hide, stored as the base64url COSE key the caller sent.
    credential_public_key  TEXT,
    credential_algorithm   INTEGER,
    credential_name        TEXT,
    sign_count             BIGINT,
    aaguid                 TEXT,
    transports             TEXT,
    created_at             BIGINT NOT NULL,
    verified_at            BIGINT NOT NULL,
    last_verified_at       BIGINT,
    PRIMARY KEY (tenant_id, authenticator_id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, user_id) ON DELETE CASCADE,
    UNIQUE (tenant_id, user_id, verification_method, match_key),
    UNIQUE (tenant_id, credential_id)
);
CREATE INDEX authenticators_by_user ON authenticators (tenant_id, user_id, created_at);

-- Only keyed hashes (SecretHasher); a code is deleted when redeemed.
CREATE TABLE recovery_codes (
    tenant_id   TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    code_hash   TEXT    NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, user_id, code_hash),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, user_id) ON DELETE CASCADE
);
