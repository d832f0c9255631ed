#!/bin/bash
# The containers' database, as its owner (POSTGRES_USER): the schema from sql/, the API's own role (API_DB_USER, with
# the password API_DB_PASSWORD) and what that role may do (api-grants.sql). PostgreSQL's image runs it once, on the
# first start of an empty volume (it is mounted into /docker-entrypoint-initdb.d); `make database` runs it again in
# the running container after an upgrade. Every step is idempotent, so running it again changes only what is missing or
# out of date: new tables, the grants, the API role's password (set to API_DB_PASSWORD each time).
# Written to be executed or sourced (the official image executes it, the test stand-in sources it): no exit, and names
# of its own.
set -euo pipefail
schema_psql=(psql --no-psqlrc --quiet -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}")
export PGOPTIONS=--client-min-messages=warning
for schema_file in /auth-stack/sql/*.sql; do
  echo "applying $schema_file"
  "${schema_psql[@]}" -f "$schema_file"
done
: "${API_DB_USER:?API_DB_USER is required}" "${API_DB_PASSWORD:?API_DB_PASSWORD is required}"
echo "the API's role $API_DB_USER"
# The password goes from the environment to psql (\getenv), never onto a command line.
"${schema_psql[@]}" -v api="$API_DB_USER" <<'SQL'
\getenv api_password API_DB_PASSWORD
SELECT format('CREATE ROLE %I', :'api') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'api') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L',
              :'api', :'api_password') \gexec
SQL
"${schema_psql[@]}" -v api="$API_DB_USER" -f /auth-stack/postgres/api-grants.sql
