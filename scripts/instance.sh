# Sourced by scripts/load.sh and scripts/bench.sh: provisions, builds when needed, and starts an API instance of
# their own on a spare port that is stopped when the sourcing script exits, whatever happens.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# A database of its own, made afresh, so that the instance's random MASTER_KEY opens every signing key it holds.
export DB_NAME=${INSTANCE_DB_NAME:-authdemo_instance}
FRESH_DATABASE=1 bash scripts/provision.sh ${PROVISION_EXTRAS:-} >/dev/null
if [ ! -f api-war/target/api-war.war ] || [ ! -d api-war/target/test-classes ] || [ -n "${REBUILD:-}" ]; then
  mvn -B -ntp -q package -DskipTests
fi
if [ ! -f api-war/target/test-classpath.txt ]; then
  mvn -B -ntp -q -pl api-war dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
fi
driver_classpath="api-war/target/test-classes:api-war/target/classes:$(cat api-war/target/test-classpath.txt)"

spare_port() { # a port nothing listens on, from the range the kernel does not hand out to clients
  local port
  for _ in $(seq 50); do
    port=$(shuf -i 20000-30000 -n 1)
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  echo "no spare port found" >&2; return 1
}

export PORT=${INSTANCE_PORT:-$(spare_port)}
# The API alone, unless the sourcing script wants the stack as make run deploys it (INSTANCE_APPS="api web").
export APPS=${INSTANCE_APPS:-api}
export MASTER_KEY=${MASTER_KEY:-$(head -c 48 /dev/urandom | base64 -w0)}
api_url=http://127.0.0.1:$PORT/api/v1/
export ISSUER=${api_url%/}
instance_log=$root/target/instance-$PORT.log
instance_started=$(date +%s.%N)
bash scripts/serve.sh > "$instance_log" 2>&1 &
instance_pid=$!
stop_instance() { kill "$instance_pid" 2>/dev/null || true; wait "$instance_pid" 2>/dev/null || true; }
trap stop_instance EXIT
until grep -q '^READY:' "$instance_log"; do
  if ! kill -0 "$instance_pid" 2>/dev/null; then tail -n 30 "$instance_log" >&2; echo "the instance did not start" >&2; exit 1; fi
  sleep 0.2
done
instance_ready_seconds=$(awk -v start="$instance_started" -v now="$(date +%s.%N)" 'BEGIN { printf "%.1f", now - start }')
instance_java_pid=$(pgrep -f "payara-micro.jar.*--port $PORT" | head -n 1)
