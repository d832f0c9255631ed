-- The security stamp: every change that must void a user's tokens (password, role, active flag) increments it, and
-- every token carries the stamp its user had when the login read the user, so a token older than the latest such
-- change is refused on every instance, whatever Redis remembers. Idempotent, like 01-init.sql.
ALTER TABLE users ADD COLUMN IF NOT EXISTS security_stamp BIGINT NOT NULL DEFAULT 0;
