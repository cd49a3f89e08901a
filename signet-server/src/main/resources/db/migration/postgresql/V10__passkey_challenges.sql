-- Pending WebAuthn ceremonies of the Client API (authsignal-client-api.md §4.1, §5.5): one row per
-- challengeId, deleted by the one request that consumes it (single use) or by the purge once expired.
-- user_id is NULL for an anonymous (tenant Basic) sign-in, whose user the credential decides; the
-- composite foreign key is not checked while it is NULL and cascades deleteUser once set.

CREATE TABLE passkey_challenges (
    tenant_id             TEXT     NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    challenge_id          TEXT     NOT NULL,
    -- 'registration' or 'authentication'
    kind                  TEXT     NOT NULL,
    -- base64url of 32 random bytes: what the authenticator signs over
    challenge             TEXT     NOT NULL,
    user_id               TEXT,
    -- The action the result goes to: the token's, the one named by POST /v1/client/challenge, or none yet
    -- (an anonymous sign-in gets the default code and a new key when it succeeds).
    action_code           TEXT,
    idempotency_key       TEXT,
    rp_id                 TEXT     NOT NULL,
    -- Registration only: the names offered to the authenticator, given to the user if it has none.
    user_name             TEXT,
    user_display_name     TEXT,
    created_at            BIGINT  NOT NULL,
    expires_at            BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, challenge_id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, user_id) ON DELETE CASCADE
);
CREATE INDEX passkey_challenges_by_expiry ON passkey_challenges (expires_at);
