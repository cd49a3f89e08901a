-- Consecutive verification failures per user and per authenticator (issue 17 #1). Unlike a challenge's
-- attempt counter, a new challenge does not reset these: only a successful verification deletes the row.
-- counter_key is 'user:<userId>', 'recipient:<method>:<address>' or 'passkey:<authenticatorId>'.
-- not_before is when the next attempt may be counted (0: no wait; set once the limit is reached).
CREATE TABLE failure_counters (
    tenant_id    TEXT     NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    counter_key  TEXT     NOT NULL,
    failures     INTEGER  NOT NULL,
    not_before   BIGINT   NOT NULL,
    updated_at   BIGINT   NOT NULL,
    PRIMARY KEY (tenant_id, counter_key)
);
