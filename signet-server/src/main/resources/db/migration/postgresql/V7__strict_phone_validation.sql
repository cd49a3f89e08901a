-- Tenant setting strictPhoneValidation (issue 14): off by default, so any E.164-shaped number is taken.
ALTER TABLE tenant_settings ADD COLUMN strict_phone_validation BOOLEAN NOT NULL DEFAULT FALSE;
