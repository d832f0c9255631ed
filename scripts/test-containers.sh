#!/usr/bin/env bash
# make test-containers: the container path run for real, with the README's own commands.
#
# What only a shell around the project can do stays here: installs podman-compose, Chromium and node from Debian,
# builds the test-only stand-ins of the official base images (containers/test-bases/; no registry is assumed
# reachable), runs make build and make start on a spare port, then the checks against the running containers, which
# are JUnit's: web-war's ContainersIT in the Maven profile `containers` (mvn -pl web-war -am -P containers verify; it
# starts nothing itself and reads HTTP_PORT, API_REPLICAS and WEB_REPLICAS from the environment, and containers/.env).
# ContainersIT waits until every container's own healthcheck passes and tests through nginx on the published port: the
# API's contract smoke, JWKS and node's jose, a login in headless Chromium; how fast a logout on one API instance is
# refused by another; least privilege of the API's PostgreSQL role and of the Redis users; the Redis replica and the
# Sentinels, and the primary paused under a login, hello and logout load (the failover measured, the old primary back
# as a replica); the web instances' grid network; one web and one API container killed during a browser session and a
# request load; make restart, make database, make status, make logs and make stop. Last, always, on failure too:
# make clean FORCE=1, which must leave no container, volume, network or image of the project. API_REPLICAS and
# WEB_REPLICAS are 2 each by default. Podman only (the checks read the containers' addresses and logs with podman).
#
# Refuses to run when the project `auth-stack` already has containers or volumes: its last step would destroy them.
# Prints one line per check (ContainersIT's among Maven's output, with their figures), `N passed, M failed` last
# (ContainersIT's tests counted in), and cleans up on failure too. Logs of the containers at the first failure are
# kept in target/test-containers/; ContainersIT's reports in web-war/target/failsafe-reports/.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/podman.sh
source scripts/podman.sh
# podman.sh sets -e; here a failed command is a failed check, counted, and the run goes on.
set +e
install_packages podman-compose chromium chromium-driver fonts-dejavu-core || exit 1
# node's jose verifies our tokens (ContainersIT); Debian's node where the machine has none.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then install_packages nodejs npm || exit 1; fi

project=auth-stack
label=io.podman.compose.project=$project
export API_REPLICAS=${API_REPLICAS:-2} WEB_REPLICAS=${WEB_REPLICAS:-2}
# make restart and the wait for health took 275 s on a slow run, close to the default 300 s: an access token issued
# just before the restart must outlive both for ContainersIT to see that it still works.
export ACCESS_TOKEN_TTL_SECONDS=${ACCESS_TOKEN_TTL_SECONDS:-900}
[ "$API_REPLICAS" -ge 2 ] && [ "$WEB_REPLICAS" -ge 2 ] ||
  { echo "the failover checks need API_REPLICAS and WEB_REPLICAS of 2 or more" >&2; exit 2; }
logs=$root/target/test-containers
started=$SECONDS
passed=0
failed=0
cleaned=
created_env=

say() { printf '\n==> [%s, %d s] %s\n' "$(date +%T)" $((SECONDS - started)) "$*"; }
pass() { passed=$((passed + 1)); echo "ok $*"; }
# The containers' logs at the first failure: the later steps (restart, clean) would replace or remove them.
logs_kept=
keep_logs() {
  [ -z "$logs_kept" ] || return 0
  logs_kept=1
  # ContainersIT keeps them itself at its first failure, before its later checks change the containers.
  [ -z "$(ls -A "$logs" 2>/dev/null)" ] || return 0
  mkdir -p "$logs"
  for c in $(project_containers); do
    podman logs "$c" > "$logs/$(podman inspect --format '{{.Name}}' "$c").log" 2>&1 || true
  done
  echo "   logs of the containers at this failure kept in $logs"
}
fail() { failed=$((failed + 1)); echo "FAILED $*"; keep_logs; }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

project_containers() { podman ps -aq --filter "label=$label"; }
project_volumes() { podman volume ls -q --filter "label=$label"; }
project_networks() { podman network ls -q --filter "name=^${project}_"; }

finish() {
  local status=$?
  if [ -z "$cleaned" ]; then
    [ "$status" -eq 0 ] || keep_logs
    make -s clean FORCE=1 >/dev/null 2>&1 || true
  fi
  [ -z "$created_env" ] || rm -f containers/.env
  [ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
  echo
  echo "make test-containers took $(((SECONDS - started) / 60)) min $(((SECONDS - started) % 60)) s"
  echo "$passed passed, $failed failed"
  # An EXIT trap that does not call exit leaves the script's status as it was: failures must set it.
  [ "$failed" -eq 0 ] || exit 1
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -n "$(project_containers)$(project_volumes)" ]; then
  echo "the project $project already has containers or volumes (a stack of yours?); this test ends with" \
       "make clean FORCE=1, which would destroy them: run make clean first" >&2
  cleaned=1
  exit 2
fi
[ -f containers/.env ] || created_env=1
rm -rf "$logs"

spare_port() {
  local port
  for _ in $(seq 50); do
    port=$(shuf -i 20000-30000 -n 1)
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  return 1
}
export HTTP_PORT=${HTTP_PORT:-$(spare_port)}

say "stand-in base images (built once per recipe, then reused)"
for recipe in payara-micro maven postgres redis nginx; do
  build "$recipe" >/dev/null || { fail "the stand-in image $recipe builds"; exit 1; }
done
pass "the five stand-in base images exist under the names compose.yaml and the Containerfiles use"

say "make build"
# timed WHAT COMMAND...: a check that says how long its command took.
timed() { local what=$1 t=$SECONDS rc; shift; "$@"; rc=$?; check "$what ($((SECONDS - t)) s)" [ $rc -eq 0 ]; }
timed "make build" make -s build
say "make start (HTTP_PORT=$HTTP_PORT)"
timed "make start" make -s start

say "the checks against the running containers: ContainersIT (mvn -P containers)"
reports=web-war/target/failsafe-reports
rm -rf "$reports"
t=$SECONDS
mvn -q -B -ntp -pl web-war -am -P containers verify
mvn_status=$?
# Its tests count as this script's checks: failsafe's summary has how many ran and how many failed.
summary=$reports/failsafe-summary.xml
count() { sed -n "s:.*<$1>\([0-9]*\)</$1>.*:\1:p" "$summary"; }
if [ -f "$summary" ]; then
  it_failed=$(($(count errors) + $(count failures)))
  passed=$((passed + $(count completed) - it_failed - $(count skipped)))
  failed=$((failed + it_failed))
  echo "ContainersIT: $(count completed) tests, $it_failed failed, $(count skipped) skipped, in $((SECONDS - t)) s"
fi
check "mvn -P containers verify ran ContainersIT and passed (exit $mvn_status)" bash -c '[ "$1" -eq 0 ] && [ -f "$2" ]' _ "$mvn_status" "$summary"

say "make clean FORCE=1"
check "make clean FORCE=1" make -s clean FORCE=1
cleaned=1
check "no container of the project is left" [ -z "$(project_containers)" ]
check "no volume of the project is left" [ -z "$(project_volumes)" ]
check "no network of the project is left" [ -z "$(project_networks)" ]
check "the api and web images are removed" bash -c '! podman image exists localhost/auth-stack-api:latest && ! podman image exists localhost/auth-stack-web:latest'
