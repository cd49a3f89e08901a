-- Actions and rules (issue 5). Times are UTC epoch milliseconds; ids are application-generated text.

-- A tenant's rules. action_code NULL means the rule applies to every action. version starts at 1 and
-- grows with every update, so a recorded action names exactly which condition decided it.
CREATE TABLE rules (
    tenant_id                     TEXT    NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    rule_id                       TEXT    NOT NULL,
    action_code                   TEXT,
    name                          TEXT    NOT NULL,
    description                   TEXT,
    condition                     TEXT    NOT NULL,
    priority                      INTEGER NOT NULL,
    outcome                       TEXT    NOT NULL,
    allowed_verification_methods  TEXT,
    default_verification_method   TEXT,
    enabled                       INTEGER NOT NULL,
    version                       INTEGER NOT NULL,
    created_at                    INTEGER NOT NULL,
    updated_at                    INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, rule_id)
);
CREATE INDEX rules_by_action ON rules (tenant_id, action_code);

-- Per action code: the outcome when no rule matches (absent: CHALLENGE if enrolled, else ALLOW).
CREATE TABLE action_configurations (
    tenant_id        TEXT   NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    action_code      TEXT   NOT NULL,
    default_outcome  TEXT   NOT NULL,
    updated_at       INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, action_code)
);

-- Tracked actions. The idempotency key identifies an action within its tenant.
CREATE TABLE actions (
    tenant_id                     TEXT    NOT NULL,
    idempotency_key               TEXT    NOT NULL,
    user_id                       TEXT    NOT NULL,
    action_code                   TEXT    NOT NULL,
    state                         TEXT    NOT NULL,
    state_updated_at              INTEGER NOT NULL,
    verification_method           TEXT,
    verified_by_authenticator_id  TEXT,
    ip_address                    TEXT,
    user_agent                    TEXT,
    device_id                     TEXT,
    redirect_url                  TEXT,
    scope                         TEXT,
    rule_ids                      TEXT    NOT NULL,
    decided_by_rule_id            TEXT,
    decided_by_rule_version       INTEGER,
    explanation                   TEXT    NOT NULL,
    rule_input                    TEXT    NOT NULL,
    created_at                    INTEGER NOT NULL,
    updated_at                    INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, idempotency_key),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, user_id) ON DELETE CASCADE
);
CREATE INDEX actions_by_user ON actions (tenant_id, user_id, created_at);
CREATE INDEX actions_by_device ON actions (tenant_id, user_id, device_id);
