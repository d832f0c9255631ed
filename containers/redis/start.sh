#!/bin/sh
# Starts Redis with its users written from the environment at every start, never baked into an image: `default`
# disabled, so a client that does not authenticate can do nothing, and the API's user (API_REDIS_USER, password
# API_REDIS_PASSWORD) limited to the project's keys and channels (auth:*) and to commands outside @dangerous. The file
# holds the password's SHA-256 only, in the container's /run, readable by redis alone. The arguments go on to
# redis-server through the image's own entrypoint, which drops root as it always does.
set -eu
: "${API_REDIS_USER:?API_REDIS_USER is required}" "${API_REDIS_PASSWORD:?API_REDIS_PASSWORD is required}"
acl=/run/auth-stack/users.acl
umask 077
mkdir -p /run/auth-stack
hash=$(printf '%s' "$API_REDIS_PASSWORD" | sha256sum | cut -d ' ' -f 1)
cat > "$acl" <<ACL
user default off resetpass resetkeys resetchannels -@all
user $API_REDIS_USER on #$hash resetkeys ~auth:* resetchannels &auth:* +@all -@dangerous
ACL
chown -R redis:redis /run/auth-stack
exec docker-entrypoint.sh redis-server --aclfile "$acl" "$@"
