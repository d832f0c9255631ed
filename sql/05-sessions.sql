-- Sessions: one per login, living across many short access tokens through rotating refresh tokens. Only a SHA-256 of
-- each refresh token is stored (they are 256 random bits, so a dump gives no usable token). A refresh token is spent
-- when it is used; presenting a spent one again is reuse, and ends its session. Ended and expired sessions are swept
-- by the API. Idempotent.
CREATE TABLE IF NOT EXISTS sessions (
    id             VARCHAR(36)  PRIMARY KEY,
    user_id        BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The user's security stamp when the login read the user: a change that voids tokens voids the session too, even
    -- one whose login raced the change and committed after it.
    security_stamp BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    last_used_at   TIMESTAMPTZ  NOT NULL,
    expires_at     TIMESTAMPTZ  NOT NULL,
    ended_at       TIMESTAMPTZ,
    ended_reason   VARCHAR(32),
    client_address VARCHAR(45),
    user_agent     VARCHAR(200)
);
-- A database made by an earlier development version of this file has sessions without the stamp: they get one that no
-- user has, so each ends at its next refresh.
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS security_stamp BIGINT NOT NULL DEFAULT -1;
ALTER TABLE sessions ALTER COLUMN security_stamp DROP DEFAULT;
CREATE INDEX IF NOT EXISTS sessions_live_by_user ON sessions (user_id) WHERE ended_at IS NULL;
CREATE INDEX IF NOT EXISTS sessions_by_end ON sessions (ended_at);

CREATE TABLE IF NOT EXISTS refresh_tokens (
    token_hash  BYTEA        PRIMARY KEY,
    session_id  VARCHAR(36)  NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    issued_at   TIMESTAMPTZ  NOT NULL,
    spent_at    TIMESTAMPTZ,
    CONSTRAINT refresh_tokens_hash CHECK (octet_length(token_hash) = 32)
);
CREATE INDEX IF NOT EXISTS refresh_tokens_by_session ON refresh_tokens (session_id);

