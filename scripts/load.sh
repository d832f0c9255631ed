#!/usr/bin/env bash
# make load: a mixed workload (logins, hello, me, the admin list, user creation and updates, logouts) for
# LOAD_SECONDS (60) at LOAD_CONNECTIONS (64) against an instance of its own; fails on any 5xx, any socket error, any
# created user missing or wrong afterwards, or any logged-out token still accepted.
set -euo pipefail
source "$(dirname "$0")/instance.sh"
seconds=${LOAD_SECONDS:-60}
connections=${LOAD_CONNECTIONS:-64}
echo "load: ${seconds}s at $connections connections against $api_url"
java -cp "$driver_classpath" dev.authstack.bench.LoadDriver "$api_url" "$seconds" "$connections"
