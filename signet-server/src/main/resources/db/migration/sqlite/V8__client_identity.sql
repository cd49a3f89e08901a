-- Client API identity per tenant (issue 15, authsignal-client-api.md §5.4). NULL means the default of
-- design.md "Client API decisions", derived from SIGNET_PUBLIC_URL at run time.
ALTER TABLE tenant_settings ADD COLUMN rp_id TEXT;
ALTER TABLE tenant_settings ADD COLUMN rp_name TEXT;
-- JSON array of exact origins (scheme://host[:port]).
ALTER TABLE tenant_settings ADD COLUMN expected_origins TEXT;
