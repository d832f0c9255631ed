-- The keys that sign access tokens (ES256). Every API instance reads the same rows, so all sign with the same key
-- and all publish the same JWK Set. The private half is stored sealed (AES-256-GCM under a key derived from the
-- MASTER_KEY environment variable, the key id as associated data): a dump of this table signs nothing.
-- A key is published from created_at, signs from signs_from (publish-ahead: consumers that cache the JWK Set have it
-- before the first token it signs), and verifies until the next key has signed for longer than a token lives.
-- The API creates the first key when there is none and removes keys past their last token. Idempotent.
CREATE TABLE IF NOT EXISTS signing_keys (
    kid          VARCHAR(64)  PRIMARY KEY,
    sealed_key   BYTEA        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    signs_from   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT signing_keys_kid CHECK (kid ~ '^[A-Za-z0-9_-]{1,64}$'),
    CONSTRAINT signing_keys_order CHECK (signs_from >= created_at)
);

