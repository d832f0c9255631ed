#!/usr/bin/env bash
# make bench: on instances of its own, in one run, side by side:
#   1. the bare baseline: a minimal JAX-RS application (scripts/bench-bare) answering the JSON of /status on the same
#      payara-micro.jar, once as Payara Micro comes and once with the project's server-config applied (its boot
#      commands and jvm.options, as the stack has them); against it, the project's public GET /api/v1/status and
#      authenticated GET /api/v1/hello with both WARs deployed as make run deploys them (goals: status >= 0.90,
#      hello >= 0.85 of bare with the project's settings), in alternating rounds after a warm-up; latency
#      p50/p99/max of each at 32 connections (goal: hello's p99 within 1.5 x bare's);
#      beside them, in the same rounds, the peer: GET /hello on the Spring Boot resource server of the consumer tests
#      (api-war/src/test/spring-boot), verifying the same ES256 token through discovery (goal: ours >= 1.0 of it);
#   2. the same three through nginx with the project's nginx.conf;
#   3. login throughput against the BCrypt bound, cores / time of one verification (goal >= 0.9), and what ES256
#      costs: one signature and one verification, timed alone;
#   4. 100,000 revocations through the logout endpoint, then the ratios again (goal: within 5%), Redis memory per
#      revoked token, and the keys gone after the tokens expire;
#   5. while those expire: refresh throughput and latency, then again with 100,000 more sessions in the table, and
#      the table's size;
#   6. start-up seconds to /health/ready, and the server's resident memory when idle and after the run.
# Prints a table, writes target/bench/report.md and target/bench/report.png. Load goes to 127.0.0.1 only.
set -euo pipefail
# One access token serves the whole run (about 25 minutes), so it must outlive it; the sessions' own figures come
# from refreshes (5.), whatever the lifetime.
export ACCESS_TOKEN_TTL_SECONDS=${ACCESS_TOKEN_TTL_SECONDS:-7200}
INSTANCE_APPS="api web" PROVISION_EXTRAS="nginx bench" source "$(dirname "$0")/instance.sh"
rss_idle_mb=$(( $(ps -o rss= -p "$instance_java_pid") / 1024 ))

out=$root/target/bench
mkdir -p "$out"
duration=${BENCH_SECONDS:-10}
rounds=${BENCH_ROUNDS:-3}
revocations=${BENCH_REVOCATIONS:-100000}
cores=$(nproc)
cost=${BCRYPT_COST:-10}
redis_cli() { redis-cli -u "${REDIS_URL:-redis://127.0.0.1:6379}" "$@"; }

# shellcheck source=scripts/bench-wrk.sh
source "$root/scripts/bench-wrk.sh"

# The bare baseline, compiled here against the Jakarta EE API the project builds with.
bare_dir=$root/target/bench/bare
rm -rf "$bare_dir" && mkdir -p "$bare_dir/war/WEB-INF/classes"
jakarta_api=$(find ~/.m2/repository/jakarta/platform/jakarta.jakartaee-api -name 'jakarta.jakartaee-api-10*.jar' ! -name '*sources*' | head -n 1)
javac --release 17 -cp "$jakarta_api" -d "$bare_dir/war/WEB-INF/classes" "$root"/scripts/bench-bare/*.java
(cd "$bare_dir/war" && jar cf ../ROOT.war .)
bare_pids=()
# start_bare NAME [config]: a Payara Micro with the bare application, plain or with the project's server-config;
# sets started_port (not echoed: a $(...) subshell would lose the server's pid, and the exit trap with it)
start_bare() {
  local name=$1 port jvm=() config=()
  port=$(spare_port)
  if [ "${2:-}" = config ]; then
    jvm=(@"$root/server-config/jvm.options")
    config=(--addLibs "$root/target/runtime/postgresql.jar"
      --prebootcommandfile "$root/server-config/pre-boot-commands.asadmin"
      --postbootcommandfile "$root/server-config/post-boot-commands.asadmin")
  fi
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options, as in serve.sh
  java "${jvm[@]}" ${JAVA_OPTS:-} -jar "$root/target/runtime/payara-micro.jar" --nocluster --port "$port" \
    --rootDir "$bare_dir/root-$name" "${config[@]}" --deploy "$bare_dir/ROOT.war" > "$bare_dir/$name.log" 2>&1 &
  bare_pids+=($!)
  for _ in $(seq 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/status")" = 200 ] && { started_port=$port; return; }
    sleep 0.2
  done
  echo "the bare baseline ($name) did not start: $bare_dir/$name.log" >&2; exit 1
}
nginx_pids=()
# start_nginx NAME API_PORT WEB_PORT: scripts/local-nginx.sh, the project's nginx.conf with its upstreams on these
# ports; sets started_port
start_nginx() {
  local name=$1 port dir
  port=$(spare_port) dir=$root/target/bench/nginx-$name
  rm -rf "$dir" && mkdir -p "$dir"
  bash "$root/scripts/local-nginx.sh" "$dir" "$port" "$2" "$3" > "$dir/nginx.out" 2>&1 &
  nginx_pids+=($!)
  for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
  started_port=$port
}
stop_all() {
  for pid in "${nginx_pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${bare_pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait "${bare_pids[@]}" 2>/dev/null || true
  stop_instance
}
trap stop_all EXIT
echo "starting the bare baseline, plain and with the project's server-config"
start_bare plain && bare_plain_url=http://127.0.0.1:$started_port/api/v1/
start_bare config && bare_port=$started_port bare_url=http://127.0.0.1:$started_port/api/v1/
start_nginx stack "$PORT" "$PORT" && nginx_port=$started_port
start_nginx bare "$bare_port" "$bare_port" && nginx_bare_port=$started_port

echo "building and starting the peer, the consumer tests' Spring Boot resource server"
mvn -B -ntp -q -f "$root/api-war/src/test/spring-boot/pom.xml" package -DskipTests
spring_port=$(spare_port)
# The same heap as the stack's (server-config/jvm.options); Spring Boot's defaults otherwise.
ISSUER=$ISSUER PORT=$spring_port java -Xmx512m -jar "$root/api-war/target/spring-consumer/spring-consumer.jar" > "$out/spring.log" 2>&1 &
bare_pids+=($!)
spring_url=http://127.0.0.1:$spring_port/
for _ in $(seq 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "${spring_url}hello")" = 200 ] && break
  sleep 0.2
done
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "${spring_url}hello")" = 200 ] || \
  { echo "the Spring Boot peer does not take our token: $out/spring.log" >&2; exit 1; }

# wrk_run NAME SECONDS CONNECTIONS [wrk args...]: prints "rps p50 p99 max"; socket errors and non-2xx answers are
# written to non2xx.txt, which the report counts (an exit here would only leave the $(...) it runs in)
: > "$out/non2xx.txt"
wrk_run() {
  local name=$1 seconds=$2 connections=$3; shift 3
  local result
  result=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$out/report.lua" "$@" | grep '^RESULT' | cut -d' ' -f2-)
  read -r rps p50 p99 max errors non2xx <<< "$result"
  if [ "$errors" != 0 ] || [ "$non2xx" != 0 ]; then
    echo "$name: $errors socket errors, $non2xx non-2xx answers" | tee -a "$out/non2xx.txt" >&2
  fi
  echo "$rps $p50 $p99 $max"
}
hello() { wrk_run hello "$1" 32 -H "Authorization: Bearer $token" "${2:-$api_url}hello"; }
status() { wrk_run status "$1" 32 "${2:-$api_url}status"; }
bare() { wrk_run bare "$1" 32 "${2:-$bare_url}status"; }
spring() { wrk_run spring "$1" 32 -H "Authorization: Bearer $token" "${2:-$spring_url}hello"; }

# measure LABEL: alternating rounds of bare (plain and configured), status, hello and the Spring peer's hello. Sets, per target, the mean rate
# (<target>_rps), its spread (<target>_spread, "min-max") and the last round's "p50 p99 max" (<target>_latency).
measure() {
  local label=$1 target rps p50 p99 max
  for target in bare_plain bare status hello spring; do : > "$out/$label-$target.dat"; done
  for round in $(seq "$rounds"); do
    read -r rps p50 p99 max <<< "$(bare "$duration" "$bare_plain_url")"; echo "$rps $p50 $p99 $max" >> "$out/$label-bare_plain.dat"
    for target in bare status hello spring; do
      read -r rps p50 p99 max <<< "$("$target" "$duration")"
      echo "$rps $p50 $p99 $max" >> "$out/$label-$target.dat"
    done
    echo "  $label round $round: bare $(tail -n1 "$out/$label-bare_plain.dat" | cut -d' ' -f1)/s plain," \
      "$(tail -n1 "$out/$label-bare.dat" | cut -d' ' -f1)/s configured; status $(tail -n1 "$out/$label-status.dat" | cut -d' ' -f1)/s;" \
      "hello $(tail -n1 "$out/$label-hello.dat" | cut -d' ' -f1)/s; Spring's hello $(tail -n1 "$out/$label-spring.dat" | cut -d' ' -f1)/s" >&2
    echo "$label $round $(tail -n1 "$out/$label-bare.dat" | cut -d' ' -f1) $(tail -n1 "$out/$label-status.dat" | cut -d' ' -f1) $(tail -n1 "$out/$label-hello.dat" | cut -d' ' -f1) $(tail -n1 "$out/$label-spring.dat" | cut -d' ' -f1)" >> "$out/rounds.dat"
  done
  for target in bare_plain bare status hello spring; do
    printf -v "${target}_rps" '%s' "$(awk '{ s += $1 } END { printf "%.0f", s / NR }' "$out/$label-$target.dat")"
    printf -v "${target}_spread" '%s' "$(awk 'NR == 1 { lo = hi = $1 } { if ($1 < lo) lo = $1; if ($1 > hi) hi = $1 } END { printf "%.0f-%.0f", lo, hi }' "$out/$label-$target.dat")"
    printf -v "${target}_latency" '%s' "$(tail -n1 "$out/$label-$target.dat" | cut -d' ' -f2-)"
  done
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

: > "$out/rounds.dat"
# A minute each: after 30 s the JIT was still compiling here, and a first round after it ran at half the rate of the next.
warmup=${BENCH_WARMUP_SECONDS:-60}
echo "warming up the JIT (${warmup} s each: bare plain, bare configured, status, hello, Spring's hello)"
bare "$warmup" "$bare_plain_url" >/dev/null
bare "$warmup" >/dev/null
status "$warmup" >/dev/null
hello "$warmup" >/dev/null
spring "$warmup" >/dev/null

echo "1. bare, status, hello and the Spring peer's hello: $rounds alternating rounds of ${duration}s at 32 connections"
measure before
status_ratio=$(ratio "$status_rps" "$bare_rps") hello_ratio=$(ratio "$hello_rps" "$bare_rps")
platform_ratio=$(ratio "$bare_rps" "$bare_plain_rps")
before_bare_plain="$bare_plain_rps ($bare_plain_spread)" before_bare="$bare_rps ($bare_spread)"
before_status="$status_rps ($status_spread)" before_hello="$hello_rps ($hello_spread)"
before_spring="$spring_rps ($spring_spread)" spring_ratio=$(ratio "$hello_rps" "$spring_rps")
latency_bare=$bare_latency latency_status=$status_latency latency_hello=$hello_latency latency_spring=$spring_latency
p99_ratio=$(ratio "$(echo "$latency_hello" | cut -d' ' -f2)" "$(echo "$latency_bare" | cut -d' ' -f2)")

echo "2. the same through nginx with the project's nginx.conf (one round of ${duration}s each, after 10 s of warm-up)"
bare 10 "http://127.0.0.1:$nginx_bare_port/api/v1/" >/dev/null
read -r nginx_bare _ <<< "$(bare "$duration" "http://127.0.0.1:$nginx_bare_port/api/v1/")"
status 10 "http://127.0.0.1:$nginx_port/api/v1/" >/dev/null
read -r nginx_status _ <<< "$(status "$duration" "http://127.0.0.1:$nginx_port/api/v1/")"
read -r nginx_hello _ <<< "$(hello "$duration" "http://127.0.0.1:$nginx_port/api/v1/")"

echo "3. login throughput against the BCrypt bound (cost $cost), after a 10 s warm-up"
# A login in flight holds its account's throttle entry until its password is confirmed. The warm-up's last ones are
# still being checked when wrk has gone: starting the next load at once would put eight in flight on one account and
# trip the throttle (a 429), so wait until the entries are as they were before the warm-up.
throttle_entries() { redis_cli --scan --pattern 'auth:throttle:account:*' | sort; }
entries_before=$(throttle_entries)
wrk_run login 10 "$((cores * 2))" -s "$out/login.lua" "${api_url}auth/login" >/dev/null
for _ in $(seq 100); do [ "$(throttle_entries)" = "$entries_before" ] && break; sleep 0.1; done
read -r login_rps _ <<< "$(wrk_run login 15 "$((cores * 2))" -s "$out/login.lua" "${api_url}auth/login")"
read -r bcrypt_ms bcrypt_parallel <<< "$(java -cp "$driver_classpath" dev.authstack.bench.BcryptTimer "$cost")"
login_bound=$(awk -v c="$cores" -v ms="$bcrypt_ms" 'BEGIN { printf "%.1f", c * 1000 / ms }')
login_ratio=$(awk -v r="$login_rps" -v b="$login_bound" 'BEGIN { printf "%.3f", r / b }')
parallel_ratio=$(awk -v r="$login_rps" -v b="$bcrypt_parallel" 'BEGIN { printf "%.3f", r / b }')
read -r es256_sign_ms es256_verify_ms <<< "$(java -cp "$driver_classpath" dev.authstack.bench.Es256Timer)"

echo "4. $revocations revocations through POST /auth/logout"
memory_before=$(redis_cli info memory | sed -n 's/^used_memory:\([0-9]*\).*/\1/p')
lifetime=${BENCH_TOKEN_SECONDS:-300}
minted=$(date +%s)
signing_key=$(PGPASSWORD=authdemo psql -X -h 127.0.0.1 -U authdemo -d "$DB_NAME" -tA -F ' ' \
  -c "SELECT kid, encode(sealed_key, 'base64') FROM signing_keys WHERE signs_from <= now() ORDER BY signs_from DESC LIMIT 1" | tr -d '\n')
revoke_line=$(java -cp "$driver_classpath" dev.authstack.bench.RevokeMany "$api_url" "$MASTER_KEY" "$signing_key" "$ISSUER" "$revocations" "$lifetime" "$token")
echo "  $revoke_line"
memory_after=$(redis_cli info memory | sed -n 's/^used_memory:\([0-9]*\).*/\1/p')
bytes_per_token=$(awk -v a="$memory_after" -v b="$memory_before" -v n="$revocations" 'BEGIN { printf "%.0f", (a - b) / n }')
echo "  measuring again with $revocations revocations live"
measure after
hello_ratio_after=$(ratio "$hello_rps" "$bare_rps")
change=$(awk -v a="$hello_ratio_after" -v b="$hello_ratio" 'BEGIN { printf "%.1f", (a - b) / b * 100 }')
echo "5. refresh throughput ($((cores * 4)) clients, ${duration}s), then again with 100,000 more sessions in the table"
psql_instance() { PGPASSWORD=authdemo psql -X -q -h 127.0.0.1 -U authdemo -d "$DB_NAME" -tA "$@"; }
refresh_load() {
  java -cp "$driver_classpath" dev.authstack.bench.RefreshLoad "$api_url" admin admin123 "$((cores * 4))" "$duration" | grep '^RESULT' | cut -d' ' -f2-
}
refresh_load >/dev/null # warm-up
read -r refresh_rps refresh_p50 refresh_p99 refresh_failures <<< "$(refresh_load)"
sessions_before=$(psql_instance -c "SELECT count(*) FROM sessions")
psql_instance -c "INSERT INTO sessions (id, user_id, security_stamp, created_at, last_used_at, expires_at, client_address, user_agent)
  SELECT gen_random_uuid()::text, u.id, u.security_stamp, now(), now(), now() + interval '30 days', '127.0.0.1', 'make bench'
  FROM users u, generate_series(1, 100000) WHERE u.username = 'admin'" -c "ANALYZE sessions" >/dev/null
read -r refresh_many_rps refresh_many_p50 refresh_many_p99 refresh_many_failures <<< "$(refresh_load)"
sessions_count=$(psql_instance -c "SELECT count(*) FROM sessions")
sessions_size=$(psql_instance -c "SELECT pg_size_pretty(pg_total_relation_size('sessions'))")
sessions_bytes=$(psql_instance -c "SELECT pg_total_relation_size('sessions') / count(*) FROM sessions")
[ "$refresh_failures$refresh_many_failures" = 00 ] || echo "refresh: $refresh_failures + $refresh_many_failures failed" >> "$out/non2xx.txt"

# The revocations last until the tokens' expiry plus the 30 s clock skew; wait for that, bounded, and count.
expire_at=$((minted + lifetime + 30 + 2))
while [ "$(date +%s)" -lt "$expire_at" ]; do sleep 1; done
left=$(redis_cli --scan --pattern 'auth:revoked:bench-*' | wc -l)

rss_mb=$(( $(ps -o rss= -p "$instance_java_pid") / 1024 ))
goal() { awk -v v="$1" -v g="$2" -v op="$3" 'BEGIN { ok = (op == ">=") ? v >= g : v <= g; print ok ? "met" : "NOT met" }'; }
machine="$(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB, $(java -version 2>&1 | head -n 1 | cut -d'"' -f2) JDK, $(date -u +%Y-%m-%d)"

cat > "$out/report.md" <<MD
| measure | value | goal |
|---|---|---|
| bare baseline, Payara Micro as it comes (req/s, mean of $rounds rounds, spread) | $before_bare_plain | |
| bare baseline with the project's server-config (req/s) | $before_bare; $platform_ratio of as it comes | |
| /api/v1/status (req/s), both WARs deployed | $before_status; **$status_ratio of bare** | >= 0.90: $(goal "$status_ratio" 0.90 ">=") |
| /api/v1/hello with a valid token (req/s) | $before_hello; **$hello_ratio of bare** | >= 0.85: $(goal "$hello_ratio" 0.85 ">=") |
| latency bare p50 / p99 / max (ms) | $(echo "$latency_bare" | tr ' ' '/') | |
| latency status p50 / p99 / max (ms) | $(echo "$latency_status" | tr ' ' '/') | |
| latency hello p50 / p99 / max (ms) | $(echo "$latency_hello" | tr ' ' '/'); p99 $p99_ratio x bare's | <= 1.5: $(goal "$p99_ratio" 1.5 "<=") |
| peer: /hello on the Spring Boot 3.5 resource server, same token (req/s) | $before_spring; ours **$spring_ratio of it** | >= 1.0: $(goal "$spring_ratio" 1.0 ">=") |
| latency Spring's hello p50 / p99 / max (ms) | $(echo "$latency_spring" | tr ' ' '/') | |
| through nginx: bare / status / hello (req/s) | $nginx_bare / $nginx_status / $nginx_hello; status $(ratio "$nginx_status" "$nginx_bare"), hello $(ratio "$nginx_hello" "$nginx_bare") of bare | |
| login / BCrypt bound | $login_ratio ($login_rps req/s; bound $cores cores / ${bcrypt_ms} ms = $login_bound/s, cost $cost) | >= 0.9: $(goal "$login_ratio" 0.9 ">=") |
| login / what $cores threads of BCrypt alone reach | $parallel_ratio ($login_rps / $bcrypt_parallel req/s) | |
| ES256, one thread alone: sign / verify one access token (ms) | $es256_sign_ms / $es256_verify_ms (a login signs once: $(awk -v s="$es256_sign_ms" -v b="$bcrypt_ms" 'BEGIN { printf "%.1f", s / b * 100 }')% of one BCrypt) | |
| hello / bare with $revocations revocations live | $hello_ratio_after ($hello_rps / $bare_rps req/s), change ${change}% | at most 5% lower: $(goal "$change" -5 ">=") |
| Redis memory per revoked token | $bytes_per_token bytes | |
| refresh, $((cores * 4)) clients each on its own session (req/s; p50 / p99 ms) | $refresh_rps; $refresh_p50 / $refresh_p99 ($sessions_before sessions) | |
| refresh with $sessions_count sessions in the table (req/s; p50 / p99 ms) | $refresh_many_rps; $refresh_many_p50 / $refresh_many_p99 | p50 within 1.5 x: $(goal "$(ratio "$refresh_many_p50" "$refresh_p50")" 1.5 "<=") |
| sessions table with its indexes, $sessions_count sessions | $sessions_size ($sessions_bytes bytes a session, whatever the number of refreshes) | |
| revocation keys left after expiry | $left | 0: $(goal "$left" 0 "<=") |
| non-2xx answers or socket errors under load | $(if [ -s "$out/non2xx.txt" ]; then paste -sd';' "$out/non2xx.txt"; else echo none; fi) | 0: $(goal "$(wc -l < "$out/non2xx.txt")" 0 "<=") |
| start-up to /health/ready, both WARs | ${instance_ready_seconds} s | <= 6: $(goal "$instance_ready_seconds" 6 "<=") |
| Payara Micro resident memory, idle after start / after the run | $rss_idle_mb / $rss_mb MB | |

Machine: $machine. Concurrency 32, ${rounds} alternating rounds of ${duration} s after ${warmup} s of warm-up per target; wrk, the
stack, both baselines and the Spring peer on the same cores; access tokens live ${ACCESS_TOKEN_TTL_SECONDS} s here. JAVA_OPTS: ${JAVA_OPTS:-none}.
MD

awk '$1 == "before" { print $2, $3, $4, $5, $6 }' "$out/rounds.dat" > "$out/before.dat"
gnuplot <<GP
set terminal pngcairo size 900,500 font "DejaVu Sans,10"
set output "$out/report.png"
set title "Throughput at 32 connections: bare JAX-RS, public /status, authenticated /hello, and Spring Boot's /hello"
set xlabel "round"
set ylabel "requests per second"
set yrange [0:*]
set xtics 1
set key outside bottom center horizontal
set style fill solid 0.8
set boxwidth 0.18
plot "$out/before.dat" using (\$1-0.3):2 with boxes title "bare (project settings)", \
     "$out/before.dat" using (\$1-0.1):3 with boxes title "status", \
     "$out/before.dat" using (\$1+0.1):4 with boxes title "hello", \
     "$out/before.dat" using (\$1+0.3):5 with boxes title "Spring Boot's hello (peer)"
GP

echo
cat "$out/report.md"
echo
echo "written: $out/report.md, $out/report.png"
