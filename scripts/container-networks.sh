#!/usr/bin/env bash
# podman-compose 1.0.3 creates a compose network without its ipam settings (subnet, ip_range, gateway), and the
# proxies' network needs them: TRUSTED_PROXIES and nginx's set_real_ip_from name its range. It does reuse a network
# that exists, so this creates the proxies' network first, as compose.yaml describes it (the one place of the values).
# Docker's compose reads ipam itself: nothing to do there.
set -euo pipefail
project=$1
compose_file=$2
command -v podman >/dev/null || exit 0
name=${project}_proxies
podman network exists "$name" && exit 0
value() { sed -n "/^  proxies:/,/^  [a-z]/s/^ *-\{0,1\} *$1: *\([0-9.\/]*\).*/\1/p" "$compose_file" | head -n 1; }
subnet=$(value subnet) range=$(value ip_range) gateway=$(value gateway)
[ -n "$subnet" ] && [ -n "$range" ] && [ -n "$gateway" ] || { echo "compose.yaml: no ipam for the proxies' network" >&2; exit 1; }
podman network create --subnet "$subnet" --ip-range "$range" --gateway "$gateway" \
  --label "io.podman.compose.project=$project" --label "com.docker.compose.project=$project" "$name" >/dev/null
