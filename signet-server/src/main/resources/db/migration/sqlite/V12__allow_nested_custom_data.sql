-- Tenant setting allowNestedCustomData (issue 14): off by default, so a user's custom stays readable by
-- the official Java and .NET SDKs. Data already stored is left as it is.
ALTER TABLE tenant_settings ADD COLUMN allow_nested_custom_data INTEGER NOT NULL DEFAULT 0;
