#!/usr/bin/env bash
# podman-compose 1.0.3 creates a compose network without its ipam settings (subnet, ip_range, gateway), and two
# networks need them: the proxies' network, whose range TRUSTED_PROXIES and nginx's set_real_ip_from name, and the web
# instances' grid, whose subnet the web image binds Hazelcast to. It does reuse a network that exists, so this creates
# those networks first, as compose.yaml describes them (the one place of the values).
# Docker's compose reads ipam itself: nothing to do there.
set -euo pipefail
project=$1
compose_file=$2
command -v podman >/dev/null || exit 0
for network in proxies grid; do
  name=${project}_$network
  podman network exists "$name" && continue
  value() { sed -n "/^  $network:/,/^  [a-z]/s/^ *-\{0,1\} *$1: *\([0-9.\/]*\).*/\1/p" "$compose_file" | head -n 1; }
  subnet=$(value subnet) range=$(value ip_range) gateway=$(value gateway)
  [ -n "$subnet" ] || { echo "compose.yaml: no ipam subnet for the $network network" >&2; exit 1; }
  podman network create --subnet "$subnet" ${range:+--ip-range "$range"} ${gateway:+--gateway "$gateway"} \
    --label "io.podman.compose.project=$project" --label "com.docker.compose.project=$project" "$name" >/dev/null
done
