-- What the API's own role may do in the database: read and write the rows of the schema's tables and draw from their
-- sequences; nothing else. It owns nothing, so it cannot drop, alter or truncate a table, and it cannot create one.
-- Run as the role that owns the schema (the one that applied sql/), after sql/, with the API's role as a variable:
--   psql -v api=authapi -f containers/postgres/api-grants.sql
-- Idempotent: containers/postgres/schema.sh runs it after sql/ at every initialisation and every `make database`.
-- A table a later sql/ file adds is covered twice: by the default privileges below, when its owner creates it, and by
-- the GRANT ... ON ALL TABLES when this file runs again. Every table of the schema is the API's; one the API must not
-- touch goes into another schema.
\set ON_ERROR_STOP on
\if :{?api}
\else
  DO $$ BEGIN RAISE EXCEPTION 'usage: psql -v api=ROLE -f api-grants.sql, as the owner of the schema'; END $$;
\endif

-- Connecting is all the API does with the database itself: no temporary tables. PUBLIC loses both, so a role added to
-- this server later reaches the database only when given CONNECT.
REVOKE ALL ON DATABASE :"DBNAME" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"DBNAME" TO :"api";
-- It may look up what is in the schema, never create there (PostgreSQL 15 and later grant PUBLIC no CREATE anyway).
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"api";

-- Rows only. UPDATE and DELETE also allow LOCK TABLE in any mode: the revocation feed's LOCK TABLE users IN SHARE MODE
-- needs one of them, and SELECT ... FOR SHARE needs UPDATE.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"api";
-- The identity columns' sequences: lastval() after an insert needs USAGE or SELECT; setval() (UPDATE) is not granted.
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"api";
-- The same for what this role creates from now on.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"api";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO :"api";
