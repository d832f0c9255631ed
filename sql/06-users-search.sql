-- The administrators' search of GET /users?q=: a prefix of the username or the e-mail address, regardless of case,
-- as lower(column) LIKE 'prefix%'. The unique indexes of 01-init.sql are on lower(...) too, but in the database's
-- collation, where LIKE cannot use a btree unless the collation is C; text_pattern_ops compares bytes, and can.
-- The pages themselves walk the primary key (keyset on id), which needs nothing new. Idempotent, like every file here.
CREATE INDEX IF NOT EXISTS users_username_prefix ON users (lower(username) text_pattern_ops);
CREATE INDEX IF NOT EXISTS users_email_prefix ON users (lower(email) text_pattern_ops);
