#!/usr/bin/env bash
# Writes the containers' secrets to FILE (containers/.env), random, on first use; afterwards adds only the entries an
# older file lacks, so an upgrade never changes a secret in use. The first administrator's password is shown once.
set -euo pipefail
file=$1
random() { head -c "$1" /dev/urandom | base64 -w0 | tr -d '/+='; }
umask 077
[ -f "$file" ] || touch "$file"
existing=$(grep -c . "$file" || true)
added=()
add() { # add NAME VALUE: only when the file has no such entry
  grep -q "^$1=" "$file" || { echo "$1=$2" >> "$file"; added+=("$1"); }
}
add MASTER_KEY "$(head -c 48 /dev/urandom | base64 -w0)"
add DB_PASSWORD "$(random 24)"          # the owner of the schema (PostgreSQL), never given to the API
add API_DB_PASSWORD "$(random 24)"      # the API's own PostgreSQL role, which may only read and write rows
add API_REDIS_PASSWORD "$(random 24)"   # the API's Redis user (auth:* only)
add REDIS_REPLICATION_PASSWORD "$(random 24)"   # the Redis user a replica logs in to its primary as
add REDIS_SENTINEL_PASSWORD "$(random 24)"      # the Redis user the Sentinels log in as
add REDIS_SENTINELS_PASSWORD "$(random 24)"     # the Sentinels' own, asked of every client of a Sentinel
add ADMIN_USERNAME admin
add ADMIN_PASSWORD "$(random 18)"
add ISSUER "http://localhost:${HTTP_PORT:-80}/api/v1"
add CORS_ALLOWED_ORIGINS ""
if [ ${#added[@]} -gt 0 ]; then
  echo "$file: added ${added[*]}"
  if [[ " ${added[*]} " == *" ADMIN_PASSWORD "* ]]; then
    echo "  log in as $(sed -n 's/^ADMIN_USERNAME=//p' "$file") / $(sed -n 's/^ADMIN_PASSWORD=//p' "$file")   (shown once; it stays in $file)"
  fi
  if [ "$existing" -gt 0 ] && [[ " ${added[*]} " == *" API_DB_PASSWORD "* ]]; then
    echo "  the API now connects to PostgreSQL as a role of its own: on a database volume made before, run make start, then" \
         "make database (once) to create it"
  fi
fi
