-- The admin console (issue 23). Console operators are users of the operator realm: an internal tenant with
-- a fixed id and no secret key, which tenant listings, the operator API and key authentication never show
-- or accept. Operators verify with a passkey or an authenticator app through the hosted page, so the
-- realm's console actions always ask for a challenge, and it issues no recovery codes (they could not
-- sign an operator in).
INSERT INTO tenants (tenant_id, name, created_at)
VALUES ('00000000-0000-4000-8000-00000000c0de', 'Signet console operators', 0);
INSERT INTO tenant_settings (tenant_id, protect_last_authenticator, recovery_codes_enabled, updated_at)
VALUES ('00000000-0000-4000-8000-00000000c0de', 1, 0, 0);
INSERT INTO action_configurations (tenant_id, action_code, default_outcome, updated_at)
VALUES ('00000000-0000-4000-8000-00000000c0de', 'consoleSignIn', 'CHALLENGE', 0),
       ('00000000-0000-4000-8000-00000000c0de', 'consoleEnroll', 'CHALLENGE', 0);

-- One-time enrollment links printed by ./signet console-admin create: only a keyed hash of the link's
-- secret is kept; used_at makes a link single use.
CREATE TABLE console_enrollment_links (
    tenant_id   TEXT    NOT NULL,
    link_hash   TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    expires_at  BIGINT  NOT NULL,
    used_at     BIGINT,
    PRIMARY KEY (tenant_id, link_hash)
);

-- Console sessions, in the database so any node serves any request. The cookie's token is stored as a
-- keyed hash. sign_in_ref is the verified action that opened the session: unique, so one verification
-- opens one session.
CREATE TABLE console_sessions (
    tenant_id     TEXT    NOT NULL,
    session_hash  TEXT    NOT NULL,
    user_id       TEXT    NOT NULL,
    email         TEXT    NOT NULL,
    sign_in_ref   TEXT    NOT NULL UNIQUE,
    created_at    BIGINT  NOT NULL,
    last_seen_at  BIGINT  NOT NULL,
    ended_at      BIGINT,
    PRIMARY KEY (tenant_id, session_hash)
);
CREATE INDEX console_sessions_by_user ON console_sessions (tenant_id, user_id);

-- The console's audit page lists console actions across tenants, newest first.
CREATE INDEX audit_events_by_actor ON audit_events (actor, audit_id);
