-- Tenant and key lifecycle (issue 24): keys that expire after a rotation, coarse last use, and an audit log.

-- Set on the old key when a rotation gives it an end (--old-key-expires-in); NULL = valid until revoked.
ALTER TABLE tenant_keys ADD COLUMN expires_at BIGINT;
-- Written at most once a minute per key and node, so authentication adds no write per request.
ALTER TABLE tenant_keys ADD COLUMN last_used_at BIGINT;

-- Every tenant and key change: who (operator, cli, startup or key:<key id>), from which address, what.
-- No foreign key to tenants: the record of a tenant's deletion outlives the tenant. Never holds a secret.
CREATE TABLE audit_events (
    audit_id    TEXT    NOT NULL PRIMARY KEY,
    tenant_id   TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    address     TEXT,
    action      TEXT    NOT NULL,
    details     TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL
);
CREATE INDEX audit_events_by_tenant ON audit_events (tenant_id, audit_id);
