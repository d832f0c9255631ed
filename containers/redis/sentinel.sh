#!/bin/sh
# Starts one Redis Sentinel. Sentinel rewrites its configuration file as it learns (replicas, other Sentinels, a new
# primary), so the file is written here at every start, writable, from the environment, then
# `redis-server FILE --sentinel` runs through the image's own entrypoint, which drops root as it always does.
#
# Everything is a name, never a container's address, which changes when it restarts: Sentinel resolves names
# (resolve-hostnames) and hands names to clients (announce-hostnames), announces itself as SENTINEL_ANNOUNCE_NAME, and
# each Redis announces its own (replica-announce-ip in start.sh). It logs in to every Redis as REDIS_SENTINEL_USER,
# whose rights start.sh limits to what Sentinel needs. It requires REDIS_SENTINELS_PASSWORD of every client (the API,
# the Redis servers' start.sh) and of the other Sentinels, so that nobody else on the network can make it fail over.
#
# Which primary to watch: the one another Sentinel (SENTINEL_PEERS, host:port,...) names now, else
# REDIS_INITIAL_PRIMARY. So a Sentinel that restarts after a failover watches the new primary at once; the first start
# watches the first one. Sentinel will not start on a name that does not resolve, so it waits (60 s at most) until the
# primary answers.
set -eu
: "${SENTINEL_ANNOUNCE_NAME:?SENTINEL_ANNOUNCE_NAME is required}" "${REDIS_INITIAL_PRIMARY:?REDIS_INITIAL_PRIMARY is required}"
: "${REDIS_SENTINEL_USER:?REDIS_SENTINEL_USER is required}" "${REDIS_SENTINEL_PASSWORD:?REDIS_SENTINEL_PASSWORD is required}"
: "${REDIS_SENTINELS_PASSWORD:?REDIS_SENTINELS_PASSWORD is required}"
master=${REDIS_MASTER_NAME:-auth-stack}
dir=/run/auth-stack
umask 077
mkdir -p "$dir"

primary=
for peer in $(echo "${SENTINEL_PEERS:-}" | tr , ' '); do
  answer=$(REDISCLI_AUTH=$REDIS_SENTINELS_PASSWORD timeout 3 redis-cli -h "${peer%:*}" -p "${peer##*:}" \
             SENTINEL get-master-addr-by-name "$master" 2>/dev/null | xargs) || answer=
  case "$answer" in *\ [0-9]*) primary=$answer; break ;; esac
done
if [ -n "$primary" ]; then
  echo "sentinel.sh: another Sentinel names $primary the primary"
else
  primary="$REDIS_INITIAL_PRIMARY 6379"
  echo "sentinel.sh: no other Sentinel answers: watching the first primary, $primary"
fi
waited=0
until [ "$(REDISCLI_AUTH=$REDIS_SENTINEL_PASSWORD timeout 3 redis-cli -h "${primary% *}" -p "${primary#* }" \
           --user "$REDIS_SENTINEL_USER" PING 2>/dev/null)" = PONG ] || [ $waited -ge 60 ]; do
  sleep 1
  waited=$((waited + 1))
done

cat > "$dir/sentinel.conf" <<CONF
port 26379
protected-mode no
requirepass $REDIS_SENTINELS_PASSWORD
sentinel sentinel-pass $REDIS_SENTINELS_PASSWORD
dir /tmp
sentinel resolve-hostnames yes
sentinel announce-hostnames yes
sentinel announce-ip $SENTINEL_ANNOUNCE_NAME
sentinel monitor $master $primary ${SENTINEL_QUORUM:-2}
sentinel auth-user $master $REDIS_SENTINEL_USER
sentinel auth-pass $master $REDIS_SENTINEL_PASSWORD
sentinel down-after-milliseconds $master ${SENTINEL_DOWN_AFTER_MILLISECONDS:-2000}
sentinel failover-timeout $master ${SENTINEL_FAILOVER_TIMEOUT_MILLISECONDS:-10000}
sentinel parallel-syncs $master 1
CONF
chown -R redis:redis "$dir"
exec docker-entrypoint.sh redis-server "$dir/sentinel.conf" --sentinel
