-- Tenant setting allowWeakTotp (issue 17 item 11): off by default, so new authenticator-app enrollments need
-- a secret of at least 112 bits and a period of at most 60 s; on, weaker imports pass with a warning.
ALTER TABLE tenant_settings ADD COLUMN allow_weak_totp BOOLEAN NOT NULL DEFAULT FALSE;
