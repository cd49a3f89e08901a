-- The hosted challenge page (issue 16): the language track asked for, and each tenant's branding.
ALTER TABLE actions ADD COLUMN locale TEXT;

-- NULL columns mean the default: the tenant's name, Signet's colour, no logo. The logo is at most
-- 100 KiB of PNG, JPEG or WebP, kept as base64 text so both dialects store it the same way.
CREATE TABLE tenant_branding (
    tenant_id      TEXT    NOT NULL PRIMARY KEY REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    display_name   TEXT,
    primary_color  TEXT,
    logo_type      TEXT,
    logo_base64    TEXT,
    updated_at     INTEGER  NOT NULL
);
