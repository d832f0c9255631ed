#!/usr/bin/env bash
# Makes sure what the stack needs is installed and answering on this machine, installing from Debian's packages
# only what is missing and starting only what is stopped. Safe to run again and again.
#   scripts/provision.sh            PostgreSQL, Redis, the authdemo role and database, the schema in sql/
#   scripts/provision.sh browser    also Chromium and ChromeDriver for the browser tests
#   scripts/provision.sh nginx      also nginx, for the reverse-proxy tests
#   scripts/provision.sh node       also node and npm, for the test that verifies our tokens with jose
# FRESH_DATABASE=1 drops the database first: the integration tests start from exactly what sql/ creates.
# DEVELOPMENT_SEED=0 leaves out sql/development/ (the admin / admin123 seed), as a deployment does.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# Everything below runs from /, as does what it starts (apt's maintainer scripts, pg_createcluster, psql as postgres):
# postgres may not enter the clone (one under /root, mode 700, is the common case), and PostgreSQL's programs
# complain when they start in a directory they cannot enter.
cd /

DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-5432}
DB_NAME=${DB_NAME:-authdemo}
DB_USER=${DB_USER:-authdemo}
DB_PASSWORD=${DB_PASSWORD:-authdemo}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}

say() { printf '==> %s\n' "$*"; }

# shellcheck source=scripts/packages.sh
source "$root/scripts/packages.sh"

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local seconds=$1 what=$2; shift 2
  for _ in $(seq $((seconds * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "$what did not come up within ${seconds}s" >&2
  return 1
}

local_host() { case "$1" in 127.0.0.1|localhost|::1) return 0;; *) return 1;; esac; }

ensure_postgresql() {
  install_packages postgresql postgresql-client
  if pg_isready -q -h "$DB_HOST" -p "$DB_PORT"; then return 0; fi
  local_host "$DB_HOST" || { echo "PostgreSQL at $DB_HOST:$DB_PORT does not answer" >&2; exit 1; }
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h | awk '{print $2}' | grep -qx main; then
    say "creating PostgreSQL $version cluster"
    pg_createcluster "$version" main >/dev/null
  fi
  say "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  wait_for 30 "PostgreSQL on $DB_HOST:$DB_PORT" pg_isready -q -h "$DB_HOST" -p "$DB_PORT"
}

as_postgres() { # superuser SQL through the local socket: peer auth on a stock Debian cluster, trust here
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -h "${PG_SOCKET_DIR:-/var/run/postgresql}" -p "$DB_PORT" "$@"
  else psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U postgres "$@"; fi
}

ensure_database() {
  if [ "${FRESH_DATABASE:-}" = 1 ]; then
    say "dropping database $DB_NAME"
    as_postgres -d postgres -v db="$DB_NAME" <<'SQL'
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'db') \gexec
SQL
  fi
  if ! PGPASSWORD=$DB_PASSWORD psql -X -q -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -c 'select 1' >/dev/null 2>&1; then
    say "creating role and database $DB_NAME"
    as_postgres -d postgres -v user="$DB_USER" -v password="$DB_PASSWORD" -v db="$DB_NAME" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'user', :'password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
  fi
  # sql/development/ holds the admin / admin123 seed: for make run and the tests, never for a deployment.
  local files=("$root"/sql/*.sql)
  [ "${DEVELOPMENT_SEED:-1}" = 0 ] || files+=("$root"/sql/development/*.sql)
  say "applying sql/ to $DB_NAME"
  for file in "${files[@]}"; do
    PGOPTIONS=--client-min-messages=warning PGPASSWORD=$DB_PASSWORD \
      psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -f "$file" >/dev/null
  done
}

ensure_redis() {
  install_packages redis-server redis-tools
  local hostport=${REDIS_URL#redis://} host port
  hostport=${hostport##*@}; hostport=${hostport%%/*}
  host=${hostport%:*}; port=${hostport##*:}
  if [ "$(redis-cli -h "$host" -p "$port" ping 2>/dev/null)" = PONG ]; then return 0; fi
  local_host "$host" || { echo "Redis at $host:$port does not answer" >&2; exit 1; }
  # With an append-only file, as in the containers: a restart must not forget logouts.
  say "starting Redis on port $port"
  mkdir -p /var/lib/redis/auth-stack /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$port" --save "" --appendonly yes \
    --dir /var/lib/redis/auth-stack --logfile /var/log/redis/auth-stack.log
  wait_for 10 "Redis on $host:$port" sh -c "[ \"\$(redis-cli -h $host -p $port ping)\" = PONG ]"
}

ensure_postgresql
ensure_database
ensure_redis
for extra in "$@"; do
  case "$extra" in
    browser) install_packages chromium chromium-driver fonts-dejavu-core ;;
    nginx) install_packages nginx ;;
    # node and npm run the jose consumer test; a node already on the PATH (any install) is used as it is.
    node) command -v node >/dev/null && command -v npm >/dev/null || install_packages nodejs npm ;;
    bench) install_packages wrk gnuplot-nox ;;
    *) echo "unknown extra: $extra" >&2; exit 2 ;;
  esac
done
say "PostgreSQL ($DB_HOST:$DB_PORT/$DB_NAME) and Redis ($REDIS_URL) are ready"
