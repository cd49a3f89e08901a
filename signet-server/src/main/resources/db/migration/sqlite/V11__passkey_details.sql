-- What a passkey registered through the Client API adds to its authenticator row (authsignal-api.md §5.2).
-- All NULL for passkeys enrolled through the Server API, whose origin Signet did not see.
-- The backup flags are 0/1 in both dialects (NULL = unknown), read the same way everywhere.

-- Authenticator data flag BE: the credential may be synced (multiDevice) or not (singleDevice).
ALTER TABLE authenticators ADD COLUMN backup_eligible INTEGER;
-- Authenticator data flag BS, updated at every sign-in: the credential is currently backed up.
ALTER TABLE authenticators ADD COLUMN backed_up INTEGER;
-- 'platform' or 'cross-platform', as the browser reported it.
ALTER TABLE authenticators ADD COLUMN authenticator_attachment TEXT;
-- The browser SDK's anonymous device id (the __as_aid cookie) at registration.
ALTER TABLE authenticators ADD COLUMN device_id TEXT;
-- The registering request's User-Agent, kept raw and parsed when shown.
ALTER TABLE authenticators ADD COLUMN user_agent TEXT;
-- base64url of the user.id the credential was created with; a sign-in that returns another is refused.
ALTER TABLE authenticators ADD COLUMN user_handle TEXT;
