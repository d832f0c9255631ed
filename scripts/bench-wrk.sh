# Sourced by bench.sh and bench-scale.sh, after instance.sh and with $out set: the wrk scripts both measure with, and
# an administrator's token of the instance at $api_url.
# $out/report.lua prints one line, "RESULT req/s p50_ms p99_ms max_ms socket_errors non_2xx"; $out/login.lua does
# the same for POST /auth/login as the development administrator.
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
