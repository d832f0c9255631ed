#!/usr/bin/env bash
# make test-fresh: checks the README's promise that `make test` and `make run` work on a fresh Debian machine.
#
# A fresh Debian bookworm container (the test-only image containers/test-bases/debian: JDK 17, Maven, git, make,
# curl and nothing else) gets the committed HEAD of this checkout cloned into /root/project, with /root mode 700 and
# an empty ~/.m2, as a new user's machine has. Then `make test` must pass, and `make run` must answer
# /health/ready and a login as admin. Uncommitted changes are not part of the run.
#
# The host's extra trusted certificates (/usr/local/share/ca-certificates, e.g. those of a TLS-inspecting proxy
# between this machine and the package registries) are copied into the container and update-ca-certificates is run
# there first, as a user behind such a proxy does on a new machine.
#
# Prints a verdict and how long it took; always removes its container; exits non-zero on any failure. The whole
# output is also kept in target/test-fresh.log.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/podman.sh
source scripts/podman.sh

started=$SECONDS
elapsed() { local s=$((SECONDS - started)); printf '%d min %02d s' $((s / 60)) $((s % 60)); }

commit=$(git rev-parse HEAD)
[ -z "$(git status --porcelain --untracked-files=no)" ] ||
  podman_say "uncommitted changes are not tested: the container gets commit ${commit:0:12} as it is committed"

image=$(build debian)

work=$(mktemp -d /tmp/authstack-test-fresh.XXXXXX)
name=authstack-test-fresh-$$
cleanup() {
  podman rm --force --time 0 "$name" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

git bundle create -q "$work/project.bundle" HEAD
mounts=(-v "$work:/source:ro")
if [ -n "$(find /usr/local/share/ca-certificates -name '*.crt' 2>/dev/null | head -n 1)" ]; then
  mounts+=(-v /usr/local/share/ca-certificates:/host-ca-certificates:ro)
fi

# What a new user does on the fresh machine, run inside the container.
read -r -d '' inside <<'INSIDE' || true
set -euo pipefail
step() { printf '\n==> [fresh machine %s] %s\n' "$(date +%T)" "$*"; }
fail() { printf '\n==> [fresh machine] FAILED: %s\n' "$*" >&2; exit 1; }

if [ -d /host-ca-certificates ]; then
  step "trusting the host's extra CA certificates, as a user behind a TLS-inspecting proxy does"
  cp -R /host-ca-certificates/. /usr/local/share/ca-certificates/
  update-ca-certificates >/dev/null 2>/tmp/update-ca-certificates.err ||
    { cat /tmp/update-ca-certificates.err >&2; fail "update-ca-certificates"; }
  # Its rehash step warns about the bundle file it writes itself: not a problem, so not shown.
  grep -v '^rehash: warning: skipping ca-certificates.crt' /tmp/update-ca-certificates.err >&2 || true
fi
chmod 700 /root
[ ! -e /root/.m2 ] || fail "/root/.m2 exists: Maven must start with nothing downloaded"

step "git clone into /root/project (commit $COMMIT)"
git -c advice.detachedHead=false clone -q /source/project.bundle /root/project
cd /root/project
[ "$(git rev-parse HEAD)" = "$COMMIT" ] || fail "the clone is not at $COMMIT"

step "make test"
make test || fail "make test"

step "make run"
setsid make run > /tmp/make-run.log 2>&1 &
run=$!
stop_run() { kill -TERM -- "-$run" 2>/dev/null || true; wait "$run" 2>/dev/null || true; }
trap stop_run EXIT
deadline=$((SECONDS + 600))
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 http://localhost:8080/health/ready)" = 200 ]; do
  kill -0 "$run" 2>/dev/null || { tail -n 60 /tmp/make-run.log; fail "make run exited before /health/ready answered 200"; }
  [ $SECONDS -lt $deadline ] || { tail -n 60 /tmp/make-run.log; fail "/health/ready did not answer 200 within 600 s"; }
  sleep 2
done
step "/health/ready answers 200"
answer=$(curl -s --max-time 20 -w '\n%{http_code}' -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"admin123"}' http://localhost:8080/api/v1/auth/login)
status=${answer##*$'\n'}
if [ "$status" != 200 ] || [[ "$answer" != *'"access_token":"'* ]]; then
  tail -n 60 /tmp/make-run.log
  fail "POST /api/v1/auth/login as admin answered $status: ${answer%$'\n'*}"
fi
step "POST /api/v1/auth/login as admin answers 200 with a token"
stop_run
step "make run stopped"
INSIDE

mkdir -p target
log=$root/target/test-fresh.log
podman_say "make test-fresh: commit ${commit:0:12} on a fresh Debian bookworm container ($image); output also in target/test-fresh.log"
set +e
# A real machine's /dev/shm (Chromium needs more than a container's default 64 MB) and no limit on processes.
podman run --rm --name "$name" --pull=never --shm-size=2g --pids-limit=-1 "${mounts[@]}" -e COMMIT="$commit" \
  "$image" bash -c "$inside" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Surefire's and Failsafe's closing counts, added up: "122 tests (37 + 61 + 24), 0 failed, 0 errors, 0 skipped".
summary=$(sed -nE 's/^\[[A-Z]+\] Tests run: ([0-9]+), Failures: ([0-9]+), Errors: ([0-9]+), Skipped: ([0-9]+)$/\1 \2 \3 \4/p' "$log" |
  awk '{ n += $1; f += $2; e += $3; s += $4; runs = runs (NR > 1 ? " + " : "") $1 }
       END { if (NR) printf "%d tests (%s), %d failed, %d errors, %d skipped", n, runs, f, e, s }')
if [ "$status" -eq 0 ]; then
  printf '\n==> test-fresh PASSED in %s, on a fresh Debian bookworm with JDK 17, Maven, git, make and curl: make test passed, %s; make run answered /health/ready and a login.\n' \
    "$(elapsed)" "${summary:-no test summary found}"
else
  printf '\n==> test-fresh FAILED after %s (container exit %s): see the output above, kept in target/test-fresh.log.\n' \
    "$(elapsed)" "$status" >&2
  exit 1
fi
