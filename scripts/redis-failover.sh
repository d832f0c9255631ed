#!/usr/bin/env bash
# The Redis primary of the containers stopped under load, and what the API does meanwhile. Sourced by
# scripts/test-containers.sh, which turns the results into checks; also runs alone against a stack `make start`ed:
#
#   bash scripts/redis-failover.sh http://127.0.0.1:PORT USER PASSWORD [pause|stop]   (the figures; exit 1 on a failure)
#
# redis_failover BASE USER PASSWORD [MODE]: CLIENTS (4) loops through nginx each log in as USER, call /hello and log out,
# and record every answer's time and status, and every token whose logout answered 200. After a steady load, the
# primary the Sentinels name goes: MODE pause (podman pause: it stops answering, as a hung machine or a cut cable) or
# stop (podman stop, the default: its container and its name are gone). The failover window runs from then to the last
# answer other than 200; the load goes on until 3 s have passed without one, with logins and /hello among them (120 s
# at most). Then every logged-out token is sent again. Sets:
#   fo_primary, fo_container    the stopped primary (service name, container)
#   fo_new_primary              the primary the Sentinels name afterwards
#   fo_recovered                1 when the load became steady again within 120 s
#   fo_ms                       milliseconds from the stop to the last answer other than 200
#   fo_mode, fo_stop_ms         pause or stop, and how long that podman command took
#   fo_total, fo_inside         answers in all, and inside the window
#   fo_inside_statuses          "COUNT STATUS ..." of the answers inside the window
#   fo_outside_failed           answers other than 200 outside the window
#   fo_inside_odd               answers inside the window neither 200 nor 503
#   fo_logged_out, fo_before, fo_during, fo_after   tokens whose logout answered 200, and when
#   fo_accepted                 of those, how many /hello does not refuse with 401 afterwards
# The caller brings the old primary back (redis_start_old_primary).
set -uo pipefail

redis_project=${redis_project:-auth-stack}

# sentinel_primary SENTINEL: "HOST PORT" as that Sentinel names the primary.
sentinel_primary() {
  podman exec "${redis_project}_$1_1" redis-cli -p 26379 SENTINEL get-master-addr-by-name auth-stack 2>/dev/null | xargs
}

# as_sentinel_user CONTAINER COMMAND...: the command, run in that Redis container as the Sentinels' Redis user (which may
# run ROLE and INFO, which the API's user may not).
as_sentinel_user() {
  local container=$1; shift
  podman exec "$container" sh -c 'REDISCLI_AUTH=$REDIS_SENTINEL_PASSWORD exec redis-cli --user "$REDIS_SENTINEL_USER" "$@"' _ "$@" 2>&1
}

now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }

# failover_client DIR N BASE BODY: log in, /hello, log out, until DIR/stop exists. Each answer a line "MS OPERATION STATUS"
# in DIR/answers-N, each token whose logout answered 200 a line "MS TOKEN" in DIR/logged-out-N.
failover_client() {
  local dir=$1 n=$2 base=$3 body=$4 answer status token t
  until [ -e "$dir/stop" ]; do
    answer=$(curl -s --max-time 10 -w '\n%{http_code}' -X POST -H 'Content-Type: application/json' -d "$body" "$base/api/v1/auth/login")
    t=${EPOCHREALTIME/./}
    status=${answer##*$'\n'}
    echo "$((t / 1000)) login $status" >> "$dir/answers-$n"
    if [ "$status" != 200 ]; then sleep 0.05; continue; fi
    token=$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' <<< "$answer")
    status=$(curl -s -o /dev/null --max-time 10 -w '%{http_code}' -H "Authorization: Bearer $token" "$base/api/v1/hello")
    t=${EPOCHREALTIME/./}
    echo "$((t / 1000)) hello $status" >> "$dir/answers-$n"
    status=$(curl -s -o /dev/null --max-time 10 -w '%{http_code}' -X POST -H "Authorization: Bearer $token" "$base/api/v1/auth/logout")
    t=${EPOCHREALTIME/./}
    echo "$((t / 1000)) logout $status" >> "$dir/answers-$n"
    [ "$status" != 200 ] || echo "$((t / 1000)) $token" >> "$dir/logged-out-$n"
  done
}

# steady_since DIR KILLED: prints the end of the window (the last answer other than 200 at or after KILLED, else KILLED)
# followed by 1 when the last 3 s held no other answer and both a login and a /hello answered 200 in them, else 0.
steady_since() {
  cat "$1"/answers-* 2>/dev/null | awk -v killed="$2" -v now="$(now_ms)" '
    { t[NR] = $1; op[NR] = $2; st[NR] = $3 }
    $1 >= killed && $3 != 200 && $1 > last { last = $1 }
    END {
      if (last == "") last = killed
      login = 0; hello = 0
      for (i = 1; i <= NR; i++) if (t[i] > last && st[i] == 200) { if (op[i] == "login") login = 1; if (op[i] == "hello") hello = 1 }
      print last, (now - last >= 3000 && login && hello) ? 1 : 0
    }'
}

redis_failover() {
  local base=$1 user=$2 password=$3 clients=${CLIENTS:-4} dir n killed deadline steady window_end pids=()
  fo_mode=${4:-stop}
  dir=$(mktemp -d)
  fo_primary=$(sentinel_primary sentinel-1 | cut -d ' ' -f 1)
  fo_container=${redis_project}_${fo_primary}_1
  for n in $(seq "$clients"); do
    failover_client "$dir" "$n" "$base" "{\"username\":\"$user\",\"password\":\"$password\"}" &
    pids+=($!)
  done
  # A steady load first: the failover happens under it, not before it.
  sleep 4
  killed=$(now_ms)
  podman "$fo_mode" "$fo_container" >/dev/null
  fo_stop_ms=$(($(now_ms) - killed))
  deadline=$((SECONDS + 120))
  fo_recovered=0
  while [ $SECONDS -lt $deadline ]; do
    read -r window_end steady <<< "$(steady_since "$dir" "$killed")"
    if [ "$steady" = 1 ]; then fo_recovered=1; break; fi
    sleep 0.5
  done
  touch "$dir/stop"
  wait "${pids[@]}" 2>/dev/null
  read -r window_end steady <<< "$(steady_since "$dir" "$killed")"
  fo_ms=$((window_end - killed))
  fo_new_primary=$(sentinel_primary sentinel-1 | cut -d ' ' -f 1)
  fo_total=$(cat "$dir"/answers-* | wc -l)
  fo_inside=$(cat "$dir"/answers-* | awk -v a="$killed" -v b="$window_end" '$1 >= a && $1 <= b' | wc -l)
  fo_inside_statuses=$(cat "$dir"/answers-* | awk -v a="$killed" -v b="$window_end" '$1 >= a && $1 <= b { print $3 }' | sort | uniq -c | xargs)
  fo_inside_odd=$(cat "$dir"/answers-* | awk -v a="$killed" -v b="$window_end" '$1 >= a && $1 <= b && $3 != 200 && $3 != 503' | wc -l)
  fo_outside_failed=$(cat "$dir"/answers-* | awk -v a="$killed" -v b="$window_end" '($1 < a || $1 > b) && $3 != 200' | wc -l)
  cat "$dir"/logged-out-* 2>/dev/null | sort -n > "$dir/logged-out"
  fo_logged_out=$(wc -l < "$dir/logged-out")
  fo_before=$(awk -v a="$killed" '$1 < a' "$dir/logged-out" | wc -l)
  fo_during=$(awk -v a="$killed" -v b="$window_end" '$1 >= a && $1 <= b' "$dir/logged-out" | wc -l)
  fo_after=$(awk -v b="$window_end" '$1 > b' "$dir/logged-out" | wc -l)
  fo_logged_out_file=$dir/logged-out
  fo_accepted=$(logged_out_accepted "$base")
}

# logged_out_accepted BASE: how many of the logged-out tokens /hello does not refuse with 401 now.
logged_out_accepted() {
  local token accepted=0
  while read -r _ token; do
    [ "$(curl -s -o /dev/null --max-time 10 -w '%{http_code}' -H "Authorization: Bearer $token" "$1/api/v1/hello")" = 401 ] ||
      accepted=$((accepted + 1))
  done < "$fo_logged_out_file"
  echo "$accepted"
}

redis_failover_figures() {
  echo "   podman $fo_mode $fo_container, the primary (took $fo_stop_ms ms); the Sentinels name $fo_new_primary now"
  echo "   logins and /hello answered 200 again $(awk -v ms="$fo_ms" 'BEGIN { printf "%.1f", ms / 1000 }') s after the $fo_mode" \
       "(the last answer other than 200); $fo_total answers in all, $fo_inside inside that window: $fo_inside_statuses;" \
       "$fo_outside_failed other than 200 outside it"
  echo "   $fo_logged_out logouts answered 200 ($fo_before before the $fo_mode, $fo_during during the window, $fo_after after);" \
       "$fo_accepted of their tokens not refused (401) afterwards"
}

# redis_start_old_primary SECONDS: podman unpause or start the old primary; prints how many seconds until it says it is
# a replica with its link to the new primary up; fails when that does not happen within SECONDS.
redis_start_old_primary() {
  local started=$SECONDS deadline=$((SECONDS + $1))
  if [ "$fo_mode" = pause ]; then podman unpause "$fo_container" >/dev/null || return 1
  else podman start "$fo_container" >/dev/null || return 1; fi
  until [ "$(as_sentinel_user "$fo_container" ROLE | head -n 1)" = slave ] &&
        as_sentinel_user "$fo_container" INFO replication | grep -q '^master_link_status:up'; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 1
  done
  echo $((SECONDS - started))
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  [ $# -ge 3 ] || { sed -n '2,6s/^# \{0,1\}//p' "$0" >&2; exit 2; }
  root=$(cd "$(dirname "$0")/.." && pwd)
  export CONTAINERS_CONF=${CONTAINERS_CONF:-$root/containers/test-bases/containers.conf}
  redis_failover "$@"
  redis_failover_figures
  back=$(redis_start_old_primary 90) && echo "   the old primary is a replica again after $back s" || echo "   the old primary did not come back as a replica"
  [ "$fo_recovered" = 1 ] && [ "$fo_ms" -lt 10000 ] && [ "$fo_outside_failed" -eq 0 ] && [ "$fo_accepted" -eq 0 ] && [ -n "$back" ]
fi
