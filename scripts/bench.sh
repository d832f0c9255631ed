#!/usr/bin/env bash
# make bench: on an instance of its own, measures side by side
#   1. authenticated GET /hello against public GET /status (same concurrency and duration, alternating, after a
#      warm-up): the ratio is what the JWT filter and the revocation check cost (goal >= 0.85);
#   2. login throughput against the BCrypt bound, cores / time of one verification (goal >= 0.9);
#   3. latency p50, p99 and max of both at concurrency 32;
#   4. 100,000 revocations through the logout endpoint, then 1 again (goal: within 5%), Redis memory per revoked
#      token, and the keys gone after the tokens expire;
#   5. start-up seconds to /health/ready and the server's resident memory.
# Prints a table, writes target/bench/report.md and target/bench/report.png. Load goes to 127.0.0.1 only.
set -euo pipefail
install_missing() { for tool in "$@"; do command -v "$tool" >/dev/null || need+=("$tool"); done; }
need=()
install_missing wrk gnuplot
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    $(printf '%s\n' "${need[@]}" | sed 's/^gnuplot$/gnuplot-nox/') >/dev/null
fi
source "$(dirname "$0")/instance.sh"

out=$root/target/bench
mkdir -p "$out"
duration=${BENCH_SECONDS:-10}
rounds=${BENCH_ROUNDS:-3}
revocations=${BENCH_REVOCATIONS:-100000}
cores=$(nproc)
cost=${BCRYPT_COST:-10}
redis_cli() { redis-cli -u "${REDIS_URL:-redis://127.0.0.1:6379}" "$@"; }

cat > "$out/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors, summary.errors.status))
end
LUA
sed '1i wrk.method = "POST"\nwrk.body = "{\\"username\\":\\"admin\\",\\"password\\":\\"admin123\\"}"\nwrk.headers["Content-Type"] = "application/json"' \
  "$out/report.lua" > "$out/login.lua"

token=$(curl -s -H 'Content-Type: application/json' -d '{"username":"admin","password":"admin123"}' "${api_url}auth/login" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "login failed" >&2; exit 1; }

# wrk_run NAME SECONDS CONNECTIONS [wrk args...]: prints "rps p50 p99 max" and fails on errors or non-2xx
wrk_run() {
  local name=$1 seconds=$2 connections=$3; shift 3
  local result
  result=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$out/report.lua" "$@" | grep '^RESULT' | cut -d' ' -f2-)
  read -r rps p50 p99 max errors non2xx <<< "$result"
  if [ "$errors" != 0 ] || [ "$non2xx" != 0 ]; then echo "$name: $errors socket errors, $non2xx non-2xx answers" >&2; exit 1; fi
  echo "$rps $p50 $p99 $max"
}
hello() { wrk_run hello "$1" 32 -H "Authorization: Bearer $token" "${api_url}hello"; }
status() { wrk_run status "$1" 32 "${api_url}status"; }

# measure_ratio LABEL: alternating runs, the ratio of the summed rates; keeps the last run's latencies
measure_ratio() {
  local label=$1 status_sum=0 hello_sum=0
  for round in $(seq "$rounds"); do
    read -r s p50s p99s maxs <<< "$(status "$duration")"
    read -r h p50h p99h maxh <<< "$(hello "$duration")"
    echo "  $label round $round: status $s/s, hello $h/s" >&2
    status_sum=$(awk -v a="$status_sum" -v b="$s" 'BEGIN { print a + b }')
    hello_sum=$(awk -v a="$hello_sum" -v b="$h" 'BEGIN { print a + b }')
    echo "$label $round $s $h" >> "$out/rounds.dat"
  done
  ratio=$(awk -v h="$hello_sum" -v s="$status_sum" 'BEGIN { printf "%.3f", h / s }')
  status_rps=$(awk -v s="$status_sum" -v n="$rounds" 'BEGIN { printf "%.0f", s / n }')
  hello_rps=$(awk -v h="$hello_sum" -v n="$rounds" 'BEGIN { printf "%.0f", h / n }')
}

: > "$out/rounds.dat"
echo "warming up the JIT (2 x 30 s)"
status 30 >/dev/null
hello 30 >/dev/null

echo "1. hello against status, $rounds alternating rounds of ${duration}s at 32 connections"
measure_ratio before
ratio_before=$ratio status_before=$status_rps hello_before=$hello_rps
latency_status="$p50s $p99s $maxs" latency_hello="$p50h $p99h $maxh"

echo "2. login throughput against the BCrypt bound (cost $cost), after a 10 s warm-up"
wrk_run login 10 "$((cores * 2))" -s "$out/login.lua" "${api_url}auth/login" >/dev/null
read -r login_rps _ <<< "$(wrk_run login 15 "$((cores * 2))" -s "$out/login.lua" "${api_url}auth/login")"
read -r bcrypt_ms bcrypt_parallel <<< "$(java -cp "$driver_classpath" dev.authstack.bench.BcryptTimer "$cost")"
login_bound=$(awk -v c="$cores" -v ms="$bcrypt_ms" 'BEGIN { printf "%.1f", c * 1000 / ms }')
login_ratio=$(awk -v r="$login_rps" -v b="$login_bound" 'BEGIN { printf "%.3f", r / b }')
parallel_ratio=$(awk -v r="$login_rps" -v b="$bcrypt_parallel" 'BEGIN { printf "%.3f", r / b }')

echo "4. $revocations revocations through POST /auth/logout"
memory_before=$(redis_cli info memory | sed -n 's/^used_memory:\([0-9]*\).*/\1/p')
lifetime=300
minted=$(date +%s)
revoke_line=$(java -cp "$driver_classpath" dev.authstack.bench.RevokeMany "$api_url" "$JWT_SECRET" "$JWT_ISSUER" "$revocations" "$lifetime" "$token")
echo "  $revoke_line"
memory_after=$(redis_cli info memory | sed -n 's/^used_memory:\([0-9]*\).*/\1/p')
bytes_per_token=$(awk -v a="$memory_after" -v b="$memory_before" -v n="$revocations" 'BEGIN { printf "%.0f", (a - b) / n }')
echo "  measuring again with $revocations revocations live"
measure_ratio after
ratio_after=$ratio status_after=$status_rps hello_after=$hello_rps
change=$(awk -v a="$ratio_after" -v b="$ratio_before" 'BEGIN { printf "%.1f", (a - b) / b * 100 }')
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
| hello / status throughput | $ratio_before ($hello_before / $status_before req/s) | >= 0.85: $(goal "$ratio_before" 0.85 ">=") |
| login / BCrypt bound | $login_ratio ($login_rps req/s; bound $cores cores / ${bcrypt_ms} ms = $login_bound/s, cost $cost) | >= 0.9: $(goal "$login_ratio" 0.9 ">=") |
| login / what $cores threads of BCrypt alone reach | $parallel_ratio ($login_rps / $bcrypt_parallel req/s) | |
| latency status p50 / p99 / max (ms) | $(echo "$latency_status" | tr ' ' '/') | |
| latency hello p50 / p99 / max (ms) | $(echo "$latency_hello" | tr ' ' '/') | |
| hello / status with $revocations revocations live | $ratio_after ($hello_after / $status_after req/s), change ${change}% | at most 5% lower: $(goal "$change" -5 ">=") |
| Redis memory per revoked token | $bytes_per_token bytes | |
| revocation keys left after expiry | $left | 0: $(goal "$left" 0 "<=") |
| start-up to /health/ready | ${instance_ready_seconds} s | |
| Payara Micro resident memory after the run | $rss_mb MB | |

Machine: $machine. Concurrency 32, ${rounds} alternating rounds of ${duration} s after a 2 x 30 s warm-up; wrk on the same machine.
MD

awk '$1 == "before" { print $2 - 0.2, $3, $4 } ' "$out/rounds.dat" > "$out/before.dat"
awk '$1 == "after" { print $2 + 0.2, $3, $4 } ' "$out/rounds.dat" > "$out/after.dat"
gnuplot <<GP
set terminal pngcairo size 900,500 font "DejaVu Sans,10"
set output "$out/report.png"
set title "Throughput at 32 connections: public /status against authenticated /hello"
set xlabel "round"
set ylabel "requests per second"
set yrange [0:*]
set xtics 1
set key outside bottom center horizontal
set style fill solid 0.8
set boxwidth 0.18
plot "$out/before.dat" using (\$1-0.1):2 with boxes title "status", \
     "$out/before.dat" using (\$1+0.1):3 with boxes title "hello", \
     "$out/after.dat" using (\$1-0.1):2 with boxes title "status, 100k revoked", \
     "$out/after.dat" using (\$1+0.1):3 with boxes title "hello, 100k revoked"
GP

echo
cat "$out/report.md"
echo
echo "written: $out/report.md, $out/report.png"
