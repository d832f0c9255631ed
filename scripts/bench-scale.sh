#!/usr/bin/env bash
# make bench-scale: the administrators' lists at the size of a large installation, on an API instance and a database
# of their own (authdemo_scale, made afresh; the development database is not touched):
#   1. with 10 users: a login, and the lists, as a baseline;
#   2. after seeding 100,000 users and 1,000,000 audit events straight into PostgreSQL (generate_series, one statement
#      each, then VACUUM ANALYZE): the first page of GET /users, a selective search (q matching about 400 users), a
#      broad one (q matching every user), the first page of GET /audit-events, and a login again.
# Each is measured at one connection, so its latency is the request's own and not a queue's: p50 and p99 (wrk).
# Goal: every admin list under 20 ms p50 at that size; a login no slower than with 10 users (BCrypt dominates).
# Prints a table and writes target/bench/scale.md, with the plans PostgreSQL chose for the same queries.
# BENCH_SECONDS (10) per measurement, BENCH_USERS (100000), BENCH_EVENTS (1000000).
set -euo pipefail
export ACCESS_TOKEN_TTL_SECONDS=${ACCESS_TOKEN_TTL_SECONDS:-7200}
INSTANCE_DB_NAME=authdemo_scale PROVISION_EXTRAS=bench source "$(dirname "$0")/instance.sh"

out=$root/target/bench
mkdir -p "$out"
seconds=${BENCH_SECONDS:-10}
users=${BENCH_USERS:-100000}
events=${BENCH_EVENTS:-1000000}
db() { PGPASSWORD=${DB_PASSWORD:-authdemo} psql -X -q -v ON_ERROR_STOP=1 -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" \
  -U "${DB_USER:-authdemo}" -d "$DB_NAME" "$@"; }

# shellcheck source=scripts/bench-wrk.sh
source "$root/scripts/bench-wrk.sh"

# one NAME SECONDS URL [wrk args]: one connection; prints "p50 p99" in ms. A non-2xx answer or a socket error is
# written to scale-errors.txt (an exit here would only leave the $(...) it runs in): a fast 400 must not pass for a
# fast page.
: > "$out/scale-errors.txt"
one() {
  local name=$1 duration=$2 url=$3; shift 3
  local result rps p50 p99 max errors non2xx
  result=$(wrk -t1 -c1 -d"${duration}s" --timeout 10s "$@" "$url" | grep '^RESULT' | cut -d' ' -f2-)
  read -r rps p50 p99 max errors non2xx <<< "$result"
  if [ "$errors" != 0 ] || [ "$non2xx" != 0 ]; then
    echo "$name: $errors socket errors, $non2xx non-2xx answers" | tee -a "$out/scale-errors.txt" >&2
  fi
  echo "$p50 $p99"
}
list() { one "$1" "$2" "$api_url$3" -s "$out/report.lua" -H "Authorization: Bearer $token"; }
login() { one login "$1" "${api_url}auth/login" -s "$out/login.lua"; }

# The searches: u + 8 hex digits + n, so q=u3f matches about 1 in 256 users and q=u every one.
selective=users?q=u3f
broad=users?q=u

echo "1. 10 users"
db -c "INSERT INTO users (username, email, password_hash) SELECT 'u' || substr(md5(n::text), 1, 8) || n,
  'u' || substr(md5(n::text), 1, 8) || n || '@example.com', password_hash FROM generate_series(1, 9) n,
  (SELECT password_hash FROM users WHERE username = 'admin') admin"
echo "   warming up (${seconds} s each)"
login "$seconds" > /dev/null
for path in users "$selective" audit-events; do list warm "$seconds" "$path" > /dev/null; done
read -r small_login_p50 small_login_p99 <<< "$(login "$seconds")"
read -r small_users_p50 small_users_p99 <<< "$(list users "$seconds" users)"
read -r small_search_p50 small_search_p99 <<< "$(list search "$seconds" "$selective")"
read -r small_audit_p50 small_audit_p99 <<< "$(list audit "$seconds" audit-events)"
echo "   login p50 $small_login_p50 ms; users $small_users_p50 ms, search $small_search_p50 ms, audit events $small_audit_p50 ms"

echo "2. seeding $users users and $events audit events"
seed_started=$(date +%s.%N)
db <<SQL
INSERT INTO users (username, email, password_hash, created_at, updated_at)
SELECT 'u' || substr(md5(n::text), 1, 8) || n, 'u' || substr(md5(n::text), 1, 8) || n || '@example.com',
       '\$2a\$10\$' || repeat('a', 53), now() - n * interval '1 minute', now()
FROM generate_series(10, $users + 9) n;
-- Within AUDIT_RETENTION_DAYS (90), so the sweep keeps them; the types of a real trail, the users of the table.
INSERT INTO audit_events (occurred_at, type, actor_id, actor_username, subject_id, subject_username, client_address, user_agent)
SELECT now() - (n * interval '6 seconds'),
       (ARRAY['login_succeeded', 'login_succeeded', 'login_succeeded', 'login_failed', 'logout', 'user_updated'])[1 + n % 6],
       1 + n % $users, 'u' || substr(md5((n % $users)::text), 1, 8) || (n % $users),
       1 + n % $users, 'u' || substr(md5((n % $users)::text), 1, 8) || (n % $users),
       '10.0.' || (n % 256) || '.' || (n % 200), 'Mozilla/5.0 (X11; Linux x86_64) bench'
FROM generate_series(1, $events) n;
VACUUM ANALYZE users;
VACUUM ANALYZE audit_events;
SQL
seed_seconds=$(awk -v start="$seed_started" -v now="$(date +%s.%N)" 'BEGIN { printf "%.0f", now - start }')
counts=$(db -tA -c "SELECT (SELECT count(*) FROM users) || ' users, ' || (SELECT count(*) FROM audit_events) || ' events'")
echo "   $counts in $seed_seconds s"
echo "   warming up (${seconds} s each)"
for path in users "$selective" "$broad" audit-events; do list warm "$seconds" "$path" > /dev/null; done
login "$seconds" > /dev/null
read -r users_p50 users_p99 <<< "$(list users "$seconds" users)"
read -r search_p50 search_p99 <<< "$(list search "$seconds" "$selective")"
read -r broad_p50 broad_p99 <<< "$(list broad "$seconds" "$broad")"
read -r audit_p50 audit_p99 <<< "$(list audit "$seconds" audit-events)"
read -r login_p50 login_p99 <<< "$(login "$seconds")"
found=$(curl -s -H "Authorization: Bearer $token" "${api_url}$selective&limit=500" | grep -o '"id"' | wc -l)

# The plans for the statements the store makes (EclipseLink binds the values; these are the same with literals).
plans=$(db -tA <<'SQL'
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) SELECT * FROM users ORDER BY id LIMIT 51;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) SELECT * FROM users WHERE (lower(username) LIKE 'u3f%' ESCAPE '!' OR lower(email) LIKE 'u3f%' ESCAPE '!') ORDER BY id LIMIT 51;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) SELECT * FROM users WHERE (lower(username) LIKE 'u%' ESCAPE '!' OR lower(email) LIKE 'u%' ESCAPE '!') ORDER BY id LIMIT 51;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) SELECT * FROM audit_events ORDER BY id DESC LIMIT 51;
SQL
)

verdict() { awk -v v="$1" -v goal="$2" 'BEGIN { print (v < goal ? "met" : "NOT met") }'; }
report=$out/scale.md
{
  echo "| at $counts | p50 ms | p99 ms | with 10 users, p50 / p99 ms | goal |"
  echo "|---|---|---|---|---|"
  echo "| first page of GET /users (50) | $users_p50 | $users_p99 | $small_users_p50 / $small_users_p99 | p50 < 20: $(verdict "$users_p50" 20) |"
  echo "| GET /users?q=u3f ($found users match) | $search_p50 | $search_p99 | $small_search_p50 / $small_search_p99 | p50 < 20: $(verdict "$search_p50" 20) |"
  echo "| GET /users?q=u (every user matches) | $broad_p50 | $broad_p99 | | p50 < 20: $(verdict "$broad_p50" 20) |"
  echo "| first page of GET /audit-events (50) | $audit_p50 | $audit_p99 | $small_audit_p50 / $small_audit_p99 | p50 < 20: $(verdict "$audit_p50" 20) |"
  echo "| POST /auth/login | $login_p50 | $login_p99 | $small_login_p50 / $small_login_p99 | as with 10 users |"
  echo
  echo "Seeding took $seed_seconds s. One connection, ${seconds} s per row after a warm-up; $(nproc) cores."
  echo
  echo '```'
  echo "$plans"
  echo '```'
} > "$report"
cat "$report"
[ ! -s "$out/scale-errors.txt" ] || { echo "measurements with errors or non-2xx answers: $out/scale-errors.txt" >&2; exit 1; }
