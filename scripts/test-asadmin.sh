#!/usr/bin/env bash
# Deploys both WARs onto a fresh Payara Server 6 domain with asadmin, exactly as docs/deployment.md says, smoke-tests
# the API and a login through the web app, and removes the domain again, also when a step fails.
# Needs the WARs and target/runtime/postgresql.jar (mvn package) and PostgreSQL and Redis (scripts/provision.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# The version is the pom's payara.server.version (PAYARA_SERVER_VERSION overrides it): defined once.
payara_version=${PAYARA_SERVER_VERSION:-$(sed -n 's:.*<payara.server.version>\(.*\)</payara.server.version>.*:\1:p' pom.xml)}
[ -n "$payara_version" ] || { echo "could not read payara.server.version from pom.xml" >&2; exit 1; }
work=$root/target/payara-server
domain=authstack-test
say() { printf '==> %s\n' "$*"; }

if [ ! -x "$work/payara6/bin/asadmin" ]; then
  say "fetching Payara Server $payara_version through Maven"
  mvn -B -ntp -q dependency:copy -Dartifact="fish.payara.distributions:payara:$payara_version:zip" \
    -DoutputDirectory="$work" -Dmdep.stripVersion=true
  unzip -q -o "$work/payara.zip" -d "$work"
fi
asadmin_bin=$work/payara6/bin/asadmin

# A port base whose 100 ports are all free: the domain takes admin = base+48, HTTP = base+80 and a few more. Below
# Linux's ephemeral range (32768 and up by default), where no outgoing connection of this or another process can be
# holding one of them when the server binds its listeners.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
base=
for candidate in $(shuf -i 200-326 -n 40); do
  candidate=$((candidate * 100))
  free=1
  for offset in 0 9 37 48 66 76 79 80 81 86 99; do port_free $((candidate + offset)) || { free=; break; }; done
  if [ -n "$free" ]; then base=$candidate; break; fi
done
[ -n "$base" ] || { echo "no free port range found" >&2; exit 1; }
admin_port=$((base + 48))
http_port=$((base + 80))
asadmin() { "$asadmin_bin" --port "$admin_port" "$@"; }

cleanup() {
  say "stopping and deleting domain $domain"
  "$asadmin_bin" stop-domain --domaindir "$work/domains" "$domain" >/dev/null 2>&1 || true
  "$asadmin_bin" delete-domain --domaindir "$work/domains" "$domain" >/dev/null 2>&1 || true
}
# KEEP_DOMAIN=1 leaves the domain running for a look after the run.
trap '[ -n "${KEEP_DOMAIN:-}" ] || cleanup' EXIT
cleanup

# A database of its own, fresh, made from sql/ as a deployment's is: without the development seed (admin123).
export DB_HOST=127.0.0.1 DB_PORT=5432 DB_NAME=authdemo_asadmin DB_USER=authdemo DB_PASSWORD=authdemo
FRESH_DATABASE=1 DEVELOPMENT_SEED=0 bash scripts/provision.sh >/dev/null

say "creating domain $domain on ports $base.. (admin $admin_port, HTTP $http_port)"
"$asadmin_bin" create-domain --domaindir "$work/domains" --portbase "$base" --nopassword "$domain" >/dev/null

# --- what docs/deployment.md tells an administrator to do -------------------------------------------------
# The server resolves ${ENV=...} from its own environment: export before start-domain.
export REDIS_URL=redis://127.0.0.1:6379
export MASTER_KEY
MASTER_KEY=$(head -c 48 /dev/urandom | base64 -w0)
export API_BASE_URL=http://localhost:$http_port/api/v1 ISSUER=http://localhost:$http_port/api/v1
export ADMIN_USERNAME=asadmin-admin ADMIN_PASSWORD
ADMIN_PASSWORD=$(head -c 24 /dev/urandom | base64 -w0 | tr -d '/+=')
started=$SECONDS
"$asadmin_bin" start-domain --domaindir "$work/domains" "$domain"
say "domain started in $((SECONDS - started)) s"
asadmin add-library --type common target/runtime/postgresql.jar
"$asadmin_bin" restart-domain --domaindir "$work/domains" "$domain"
asadmin multimode --file server-config/post-boot-commands.asadmin
sed -n 's/protocol\.http-listener\./protocol.http-listener-1./p' server-config/pre-boot-commands.asadmin > "$work/listener.asadmin"
asadmin multimode --file "$work/listener.asadmin"
asadmin deploy --contextroot /api --name api api-war/target/api-war.war
asadmin deploy --contextroot / --name web web-war/target/web-war.war
# -----------------------------------------------------------------------------------------------------------

base_url=http://localhost:$http_port
# A failure shows the end of the server's log: the domain, and the log with it, is deleted on exit.
fail() {
  echo "FAILED: $*" >&2
  echo "--- the last 60 lines of $domain's server.log:" >&2
  tail -n 60 "$work/domains/$domain/logs/server.log" >&2 || true
  exit 1
}
expect() { # expect STATUS DESCRIPTION CURL-ARGS...
  local want=$1 what=$2; shift 2
  local got
  got=$(curl -s -o /tmp/asadmin-body.$$ -w '%{http_code}' --max-time 20 "$@" || true)
  [ "$got" = "$want" ] || fail "$what: expected $want, got $got: $(cat /tmp/asadmin-body.$$ 2>/dev/null)"
  say "ok: $what ($got)"
}

for _ in $(seq 60); do [ "$(curl -s --max-time 5 -o /dev/null -w "%{http_code}" "$base_url/health/ready")" = 200 ] && break; sleep 1; done
expect 200 "readiness" "$base_url/health/ready"
expect 200 "status" "$base_url/api/v1/status"
expect 200 "the JWK Set, for services that verify our tokens" "$base_url/api/v1/.well-known/jwks.json"
grep -q '"kid"' /tmp/asadmin-body.$$ || fail "the JWK Set names no key"
expect 401 "no admin / admin123 outside development" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"admin123"}' "$base_url/api/v1/auth/login"
token=$(curl -s --max-time 20 -H 'Content-Type: application/json' \
  -d "{\"username\":\"$ADMIN_USERNAME\",\"password\":\"$ADMIN_PASSWORD\"}" \
  "$base_url/api/v1/auth/login" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || fail "login returned no token"
say "ok: login"
expect 200 "hello with the token" -H "Authorization: Bearer $token" "$base_url/api/v1/hello"
expect 200 "logout" -X POST -H "Authorization: Bearer $token" "$base_url/api/v1/auth/logout"
expect 401 "hello after logout" -H "Authorization: Bearer $token" "$base_url/api/v1/hello"

# A login through the web app: the form, its view state, the session cookie, the redirect to the dashboard.
jar=$(mktemp)
page=$(curl -s --max-time 20 -c "$jar" "$base_url/login.xhtml")
view_state=$(printf '%s' "$page" | sed -n 's/.*name="jakarta.faces.ViewState"[^>]*value="\([^"]*\)".*/\1/p' | head -n 1)
[ -n "$view_state" ] || fail "the login page has no view state"
location=$(curl -s --max-time 20 -b "$jar" -c "$jar" -o /dev/null -w '%{redirect_url}' \
  --data-urlencode "login=login" --data-urlencode "login:username=$ADMIN_USERNAME" --data-urlencode "login:password=$ADMIN_PASSWORD" \
  --data-urlencode "login:submit=Log in" --data-urlencode "jakarta.faces.ViewState=$view_state" "$base_url/login.xhtml")
[[ "$location" == */dashboard.xhtml ]] || fail "the web login did not redirect to the dashboard: '$location'"
curl -s --max-time 20 -b "$jar" "$base_url/dashboard.xhtml" | grep -q "Welcome, $ADMIN_USERNAME" || fail "the dashboard does not greet $ADMIN_USERNAME"
grep -q 'SameSite=Strict' <(curl -s -D - -o /dev/null "$base_url/login.xhtml") || fail "the session cookie is not SameSite=Strict"
rm -f "$jar" /tmp/asadmin-body.$$
say "ok: web login through Payara Server"
echo "asadmin deployment: 10 passed, 0 failed"
