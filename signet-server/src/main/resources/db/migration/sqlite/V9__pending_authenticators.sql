-- Client API enrollment (issue 15): an authenticator enrolled through /v1/client/* is pending until its
-- first successful verification; pending ones are hidden from getAuthenticators, isEnrolled and
-- enrolledVerificationMethods. Existing rows were verified when stored.
ALTER TABLE authenticators ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;

-- A verified magic-link challenge answers the Client API's finalize with an accessToken once.
ALTER TABLE challenges ADD COLUMN consumed_at INTEGER;
