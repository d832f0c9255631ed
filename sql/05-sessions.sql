-- Sessions: one per login, living across many short access tokens through rotating refresh tokens. A refresh token
-- names its session and generation under a MAC keyed from MASTER_KEY, so nothing here makes a usable token, and a
-- session is one row however often it is refreshed. Presenting a spent token (an older generation) is reuse, and ends
-- its session. Ended and expired sessions are swept by the API. Idempotent.
CREATE TABLE IF NOT EXISTS sessions (
    id             VARCHAR(36)  PRIMARY KEY,
    user_id        BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The user's security stamp when the login read the user: a change that voids tokens voids the session too, even
    -- one whose login raced the change and committed after it.
    security_stamp BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    last_used_at   TIMESTAMPTZ  NOT NULL,
    expires_at     TIMESTAMPTZ  NOT NULL,
    -- How many times the session was refreshed: its current refresh token carries this number, a lower one is reuse.
    refresh_generation BIGINT   NOT NULL DEFAULT 0,
    ended_at       TIMESTAMPTZ,
    ended_reason   VARCHAR(32),
    client_address VARCHAR(45),
    user_agent     VARCHAR(200)
);
-- A database made by an earlier development version of this file has sessions without the stamp: they get one that no
-- user has, so each ends at its next refresh.
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS security_stamp BIGINT NOT NULL DEFAULT -1;
ALTER TABLE sessions ALTER COLUMN security_stamp DROP DEFAULT;
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS refresh_generation BIGINT NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS sessions_live_by_user ON sessions (user_id) WHERE ended_at IS NULL;
CREATE INDEX IF NOT EXISTS sessions_by_end ON sessions (ended_at);

-- Refresh tokens were once stored one row per token (a hash), a table that grew with every refresh. The tokens of that
-- form no longer refresh, so the sessions they belong to end here (their access tokens expire as usual), and the
-- table goes.
DO $$
BEGIN
    IF to_regclass('refresh_tokens') IS NOT NULL THEN
        UPDATE sessions SET ended_at = now(), ended_reason = 'refresh tokens changed' WHERE ended_at IS NULL;
        DROP TABLE refresh_tokens;
    END IF;
END $$;

