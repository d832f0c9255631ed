#!/usr/bin/env bash
# Debian's nginx running containers/nginx/nginx.conf as it is, but for the two things a local run cannot share with a
# container: the listener (a port on the loopback, not 80) and upstreams.conf, whose "api" and "web" servers become
# local ports. One launcher for the tests (ProjectNginx) and make bench, so both measure the file compose runs.
# usage: scripts/local-nginx.sh DIR PORT API_PORTS WEB_PORTS   (ports comma-separated); nginx runs in the foreground
set -euo pipefail
dir=$1 port=$2 api_ports=$3 web_ports=$4
conf=$(cd "$(dirname "$0")/.." && pwd)/containers/nginx
if [ "$(grep -cE '(^|[^0-9])listen 80;' "$conf/nginx.conf")" != 1 ]; then
  echo "nginx.conf should have one plain listener to move" >&2; exit 1
fi
servers() { # 8081,8082 -> "server 127.0.0.1:8081;\n    server 127.0.0.1:8082;", for sed's replacement
  local port list=()
  IFS=, read -ra ports <<< "$1"
  for port in "${ports[@]}"; do list+=("server 127.0.0.1:$port;"); done
  local IFS=$'\x01'; local joined="${list[*]}"; printf '%s' "${joined//$'\x01'/\\n    }"
}
mkdir -p "$dir/logs"
sed "s/listen 80;/listen 127.0.0.1:$port;/" "$conf/nginx.conf" > "$dir/nginx.conf"
sed -e "s/server api:8080;/$(servers "$api_ports")/" -e "s/server web:8080;/$(servers "$web_ports")/" \
  "$conf/upstreams.conf" > "$dir/upstreams.conf"
cp /etc/nginx/mime.types "$dir/"
exec nginx -p "$dir" -c "$dir/nginx.conf" -g "daemon off; pid $dir/nginx.pid;"
