#!/usr/bin/env bash
# Runs Payara Micro in the foreground with the API at /api/v1 and the web app at /, and fails loudly (exit 1, with
# the reason) when either WAR does not deploy or the server is not ready in time: a bad datasource must not leave a
# server that answers 404. Ctrl-C or SIGTERM stops it. Used by `make run`, the integration tests and the benchmarks.
#
# Environment: PORT and the DB_*, REDIS_URL, MASTER_KEY, ISSUER, JWT_* and CORS_* variables of the README; JAVA_OPTS for the JVM (read
# after server-config/jvm.options); APPS (default "api web") to deploy only some of the WARs; READY_TIMEOUT seconds
# (default 180); CLUSTER_ARGS, Payara Micro's clustering options instead of the default --nocluster (the session
# failover test clusters two web instances).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

export PORT=${PORT:-8080}
export DB_HOST=${DB_HOST:-127.0.0.1} DB_PORT=${DB_PORT:-5432} DB_NAME=${DB_NAME:-authdemo}
export DB_USER=${DB_USER:-authdemo} DB_PASSWORD=${DB_PASSWORD:-authdemo}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
export API_BASE_URL=${API_BASE_URL:-http://localhost:$PORT/api/v1}
# The web app calls the API over the loopback and forwards the browser's address: believe it, so logins through the
# web app are throttled per person. A deployment lists its own proxies (nginx, the web app) instead.
export TRUSTED_PROXIES=${TRUSTED_PROXIES-127.0.0.1/32,::1/128}
apps=${APPS:-api web}
ready_timeout=${READY_TIMEOUT:-180}

# The issuer is the public URL of the API, as tokens carry it and as consumers discover it.
export ISSUER=${ISSUER:-http://localhost:$PORT/api/v1}
if [ -z "${MASTER_KEY:-}" ]; then
  # A development master key, kept beside this machine's development database: the signing keys the API stores
  # there are sealed with it, so it must outlive this process (and a `make clean-build`).
  dev_key_file=${DEV_MASTER_KEY_FILE:-${XDG_STATE_HOME:-$HOME/.local/state}/auth-stack/dev-master-key}
  if [ ! -s "$dev_key_file" ]; then
    mkdir -p "$(dirname "$dev_key_file")"
    (umask 077 && head -c 48 /dev/urandom | base64 -w0 > "$dev_key_file")
    created="created it"
  else
    created="reusing it"
  fi
  MASTER_KEY=$(cat "$dev_key_file")
  export MASTER_KEY
  cat >&2 <<WARN
*****************************************************************************************************
* MASTER_KEY is not set: using a DEVELOPMENT master key ($created):
*   $dev_key_file
* It seals the signing keys in database $DB_NAME. Set MASTER_KEY (32+ random bytes) for anything else.
*****************************************************************************************************
WARN
fi

runtime=$root/target/runtime
work=$root/target/payara-$PORT
rm -rf "$work" && mkdir -p "$work/deploy"
deploy=()
for app in $apps; do
  case "$app" in
    # Payara Micro takes the context root from the file name; ROOT means "/".
    api) war=$root/api-war/target/api-war.war; target=$work/deploy/api.war ;;
    web) war=$root/web-war/target/web-war.war; target=$work/deploy/ROOT.war ;;
    *) echo "unknown app '$app' (expected api or web)" >&2; exit 2 ;;
  esac
  for needed in "$war" "$runtime/payara-micro.jar" "$runtime/postgresql.jar"; do
    [ -f "$needed" ] || { echo "$needed is missing: build first (mvn package -DskipTests)" >&2; exit 1; }
  done
  cp "$war" "$target"
  deploy+=(--deploy "$target")
done

log=$work/server.log
# shellcheck disable=SC2206 # CLUSTER_ARGS is a list of options
cluster=(${CLUSTER_ARGS:---nocluster})
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options, read after the project's so that it overrides them
java @"$root/server-config/jvm.options" ${JAVA_OPTS:-} -jar "$runtime/payara-micro.jar" \
  "${cluster[@]}" --port "$PORT" --rootDir "$work/root" \
  --addLibs "$runtime/postgresql.jar" \
  --prebootcommandfile "$root/server-config/pre-boot-commands.asadmin" \
  --postbootcommandfile "$root/server-config/post-boot-commands.asadmin" \
  "${deploy[@]}" > >(tee -a "$log") 2>&1 &
server=$!

stop() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM

fail() {
  echo >&2
  echo "FAILED: $*" >&2
  echo "Server log: $log" >&2
  stop
  exit 1
}

code() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$PORT$1" || true; }
# "status content-type" of a GET: the API's own answer is JSON, while the web app at / answers a path the API
# should own with a redirect to its login page.
answer() { curl -s -o /dev/null -w '%{http_code} %{content_type}' --max-time 5 "http://127.0.0.1:$PORT$1" || true; }

deadline=$((SECONDS + ready_timeout))
until grep -q 'Payara Micro .* ready in' "$log" 2>/dev/null; do
  kill -0 "$server" 2>/dev/null || fail "Payara Micro exited during start-up."
  [ $SECONDS -lt $deadline ] || fail "Payara Micro did not start within ${ready_timeout}s."
  sleep 0.1
done
# Start-up is over, so a WAR that is not answering now failed to deploy (see the log for the exception).
for app in $apps; do
  case "$app" in
    api) path=/api/v1/status expected='200 application/json*' ;;
    web) path=/ expected='[23]??*' ;;
  esac
  got=$(answer "$path")
  # shellcheck disable=SC2053 # $expected is a pattern
  [[ $got == $expected ]] || fail "the $app WAR did not deploy: GET $path answers ${got:-nothing}."
done
if [[ " $apps " == *" api "* ]]; then
  until [ "$(code /health/ready)" = 200 ]; do
    [ $SECONDS -lt $deadline ] || fail "not ready: $(curl -s --max-time 5 "http://127.0.0.1:$PORT/health/ready")"
    sleep 0.1
  done
fi
echo "READY: API at http://localhost:$PORT/api/v1, web app at http://localhost:$PORT/ (Ctrl-C stops)"
wait "$server"
