#!/bin/bash
# The parts of the official redis image's entrypoint this project relies on: arguments that start with a dash or
# name a .conf file go to redis-server; /data belongs to `redis`, which the server runs as; protected mode is off.
set -euo pipefail
if [ "${1:0:1}" = - ] || [ "${1%.conf}" != "$1" ]; then set -- redis-server "$@"; fi
if [ "$1" = redis-server ] && [ "$(id -u)" = 0 ]; then
  chown -R redis:redis .
  exec setpriv --reuid=redis --regid=redis --init-groups "$0" "$@"
fi
if [ "$1" = redis-server ]; then
  shift
  if [ $# -gt 0 ] && [ "${1%.conf}" != "$1" ]; then
    conf=$1; shift
    set -- redis-server "$conf" --protected-mode no "$@"
  else
    set -- redis-server --protected-mode no "$@"
  fi
fi
exec "$@"
