#!/bin/sh
# Starts Redis, the primary or a replica, with its users written from the environment at every start, never baked into
# an image: `default` disabled, so a client that does not authenticate can do nothing; the API's user (API_REDIS_USER,
# password API_REDIS_PASSWORD) limited to the project's keys and channels (auth:*) and to commands outside @dangerous;
# the replication user (REDIS_REPLICATION_USER) with only what a replica asks of its primary; and the Sentinels' user
# (REDIS_SENTINEL_USER) with only what Redis's Sentinel documentation lists, on no key and one channel. The ACL file
# holds the passwords' SHA-256 only; redis.conf holds the replication password in clear, as Redis needs it to log in
# to a primary (masteruser/masterauth, on every Redis: after a failover any of them may be a replica). Both files are
# in the container's /run, readable by redis alone.
#
# The role: when REDIS_SENTINELS (host:port,... as the API takes it, asked with REDIS_SENTINELS_PASSWORD) names
# Sentinels and one of them names a primary for REDIS_MASTER_NAME, this Redis replicates that one, unless it is the one
# named (REDIS_ANNOUNCE_NAME, the name it announces to the others); when none answers (the first start: they start
# after Redis), REDIS_INITIAL_PRIMARY is the primary. So a Redis that restarts after a failover rejoins as a replica
# of the new primary instead of claiming to be one, and one that was promoted stays the primary. The arguments go on to
# redis-server through the image's own entrypoint, which drops root as it always does.
set -eu
: "${API_REDIS_USER:?API_REDIS_USER is required}" "${API_REDIS_PASSWORD:?API_REDIS_PASSWORD is required}"
: "${REDIS_REPLICATION_USER:?REDIS_REPLICATION_USER is required}" "${REDIS_REPLICATION_PASSWORD:?REDIS_REPLICATION_PASSWORD is required}"
: "${REDIS_SENTINEL_USER:?REDIS_SENTINEL_USER is required}" "${REDIS_SENTINEL_PASSWORD:?REDIS_SENTINEL_PASSWORD is required}"
dir=/run/auth-stack
umask 077
mkdir -p "$dir"
hash() { printf '%s' "$1" | sha256sum | cut -d ' ' -f 1; }
cat > "$dir/users.acl" <<ACL
user default off resetpass resetkeys resetchannels -@all
user $API_REDIS_USER on #$(hash "$API_REDIS_PASSWORD") resetkeys ~auth:* resetchannels &auth:* +@all -@dangerous
user $REDIS_REPLICATION_USER on #$(hash "$REDIS_REPLICATION_PASSWORD") resetkeys resetchannels -@all +psync +replconf +ping
user $REDIS_SENTINEL_USER on #$(hash "$REDIS_SENTINEL_PASSWORD") resetkeys resetchannels &__sentinel__:hello -@all +multi +exec +slaveof +ping +info +role +subscribe +publish +config|rewrite +client|setname +client|kill +script|kill
ACL
cat > "$dir/redis.conf" <<CONF
aclfile $dir/users.acl
masteruser $REDIS_REPLICATION_USER
masterauth "$REDIS_REPLICATION_PASSWORD"
CONF

primary=
for sentinel in $(echo "${REDIS_SENTINELS:-}" | tr , ' '); do
  answer=$(REDISCLI_AUTH=${REDIS_SENTINELS_PASSWORD:-} timeout 3 redis-cli -h "${sentinel%:*}" -p "${sentinel##*:}" \
             SENTINEL get-master-addr-by-name "${REDIS_MASTER_NAME:-auth-stack}" 2>/dev/null | xargs) || answer=
  case "$answer" in *\ [0-9]*) primary=$answer; break ;; esac
done
if [ -n "$primary" ]; then
  echo "start.sh: the Sentinels name $primary the primary"
else
  primary="${REDIS_INITIAL_PRIMARY:-${REDIS_ANNOUNCE_NAME:-}} 6379"
  echo "start.sh: no Sentinel names a primary: the first one, ${primary% *}"
fi
[ "${primary% *}" = "${REDIS_ANNOUNCE_NAME:-}" ] || set -- "$@" --replicaof ${primary}
[ -z "${REDIS_ANNOUNCE_NAME:-}" ] || set -- "$@" --replica-announce-ip "$REDIS_ANNOUNCE_NAME"
chown -R redis:redis "$dir"
exec docker-entrypoint.sh redis-server "$dir/redis.conf" "$@"
