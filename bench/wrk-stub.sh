#!/usr/bin/env bash
# Independent load on the verifier stub: wrk (its own process) against a strict and a sandbox stub,
# with requests signed by OpenSSL (not by this project's code). Rounds alternate between the servers
# so they share the machine's noise. Run after `mvn -B -DskipTests package`:
#
#   bench/wrk-stub.sh [seconds-per-run] [connections] [rounds]      (defaults: 10 64 3)
#
# Prints one line per run and a summary: req/s, p50 and p99 latency, the server's CPU time per request
# (steadier than req/s on a shared machine) and resident memory after the run, and wrong verdicts: a signed request not answered 200,
# or a request whose body was changed after signing not answered 401 by the strict stub.
#
# WARMUP_RUNS=N (default 6): unmeasured runs per server first. The validator's and the proxy's code take about
#   a minute of load to be compiled: runs after a shorter warm-up measure a stub still compiling (strict search
#   with validation 0.77 x without it after 4 runs of 6 s, 0.83 x after 10 runs of 8 s; see BENCHMARKS.md).
#   Requests are signed afresh before every run, so a long warm-up does not outlast the timestamp window.
# WORKLOAD=mixed (default: signed GET /company/search and POST /company, alternating) or search (the
#   GETs only). JAVA_OPTS and STUB_ARGS go to both stubs, e.g. JAVA_OPTS=-Dpartnerapi.crypto.provider=jdk
#   or STUB_ARGS="--threads 4".
# OLD_JAR=path/to/an-older/partnerapi-harness.jar adds a strict stub from that jar (server "old"), to
#   measure a change of the stub against the build before it in the same run, e.g. built with
#   git archive <commit> | tar -x -C /tmp/old && (cd /tmp/old && mvn -B -q -DskipTests package).
# NOVALIDATION=1 adds a strict stub that skips the OpenAPI request validation
#   (-Dpartnerapi.stub.validation=false), to measure what validation costs: SUMMARY strict/novalidation.
# PROXY=1 adds the verifying proxy (proxy command, strict verdicts) in front of the sandbox stub, so that
#   proxy/sandbox is requests/s through the proxy versus the stub directly; its verdicts are counted at the end.
# OLD_PROXY_JAR=path/to/an-older/partnerapi-harness.jar (with PROXY=1) adds that jar's proxy (server "oldproxy")
#   in front of the same sandbox stub, to measure a change of the proxy in the same run: SUMMARY proxy/oldproxy.
# PROXY=only measures the sandbox stub and the proxy alone (and the old proxy if given), in turn, so each run of
#   the proxy has a run of the stub beside it: on a machine whose speed drifts, use many short rounds
#   (e.g. 5 64 12) and read the median of the rounds' ratios (SUMMARY proxy/sandbox by round).
# WIREMOCK_JAR=path/to/wiremock-standalone.jar adds a WireMock server answering the same routes with a
#   fixed body, as a yardstick (get it with: mvn dependency:copy
#   -Dartifact=org.wiremock:wiremock-standalone:3.13.2 -DoutputDirectory=target/wrk).
# Needs wrk, openssl and basenc (coreutils).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-10}
CONNECTIONS=${2:-64}
ROUNDS=${3:-3}
WORKLOAD=${WORKLOAD:-mixed}
declare -A PORT=([strict]=${STRICT_PORT:-18181} [sandbox]=${SANDBOX_PORT:-18182} [wiremock]=${WIREMOCK_PORT:-18183}
  [old]=${OLD_PORT:-18184} [proxy]=${PROXY_PORT:-18185} [novalidation]=${NOVALIDATION_PORT:-18186}
  [oldproxy]=${OLD_PROXY_PORT:-18187})
SERVERS=(strict sandbox)
JAR=target/partnerapi-harness.jar
KEY=testdata/vectors/test-private-pkcs1.pem
PUBLIC=testdata/vectors/test-public.pem
API_KEY=wrk-bench-api-key-0123456789
BASE=https://api.qredo.network
WORK=target/wrk
for tool in wrk openssl basenc java; do
  command -v "$tool" >/dev/null || { echo "wrk-stub.sh: needs $tool on the PATH" >&2; exit 2; }
done
[ -f "$JAR" ] || { echo "wrk-stub.sh: $JAR not found; run mvn -B -DskipTests package first" >&2; exit 2; }
[ "$WORKLOAD" = mixed ] || [ "$WORKLOAD" = search ] || { echo "wrk-stub.sh: WORKLOAD must be mixed or search" >&2; exit 2; }
mkdir -p "$WORK"

sign() { # freshness url body-file -> x-sign
  { printf '%s%s' "$1" "$2"; cat "$3"; } | openssl dgst -sha256 -sign "$KEY" | basenc --base64url -w0 | tr -d '='
}

lua_string() { # file -> a Lua long string literal holding the file's bytes
  printf '[==[\n'; cat "$1"; printf ']==]'
}

# search.lua: signed GET /company/search; mixed.lua: those and signed POST /company, alternating;
# tampered.lua: the POSTs with a body changed after signing (a space after a comma).
write_requests() {
  local ts i path get xsign headers
  ts=$(date +%s)
  : > "$WORK/empty"
  for file in search mixed tampered; do printf 'return {\n' > "$WORK/$file.lua"; done
  for i in $(seq 0 15); do
    path="/api/v1/p/company/search?query=wrk-search-$i"
    get=$(printf '{method="GET", path="%s", headers={["x-api-key"]="%s", ["x-timestamp"]="%s", ["x-sign"]="%s"}, body=nil},' \
      "$path" "$API_KEY" "$ts" "$(sign "$ts" "$BASE$path" "$WORK/empty")")
    printf '%s\n' "$get" >> "$WORK/search.lua"
    printf '%s\n' "$get" >> "$WORK/mixed.lua"
    printf '{"name":"wrk-company-%s","domain":"wrk.example"}' "$i" > "$WORK/body"
    xsign=$(sign "$ts" "$BASE/api/v1/p/company" "$WORK/body")
    headers="{[\"x-api-key\"]=\"$API_KEY\", [\"x-timestamp\"]=\"$ts\", [\"x-sign\"]=\"$xsign\", [\"Content-Type\"]=\"application/json\"}"
    printf '{method="POST", path="/api/v1/p/company", headers=%s, body=%s},\n' "$headers" "$(lua_string "$WORK/body")" >> "$WORK/mixed.lua"
    printf '{"name":"wrk-company-%s", "domain":"wrk.example"}' "$i" > "$WORK/body"
    printf '{method="POST", path="/api/v1/p/company", headers=%s, body=%s},\n' "$headers" "$(lua_string "$WORK/body")" >> "$WORK/tampered.lua"
  done
  for file in search mixed tampered; do printf '}\n' >> "$WORK/$file.lua"; done
}

write_wiremock_mappings() {
  mkdir -p "$WORK/wiremock/mappings"
  cat > "$WORK/wiremock/mappings/partner-api.json" <<'JSON'
{"mappings": [
  {"request": {"method": "GET", "urlPath": "/api/v1/p/company/search"},
   "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "body": "{\"total_count\":0,\"matches\":[]}"}},
  {"request": {"method": "POST", "urlPath": "/api/v1/p/company"},
   "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "body": "{\"company_id\":\"1c0000000000000000000000001\",\"ref\":\"\"}"}}
]}
JSON
}

start() { # server
  local server=$1 ready
  if [ "$server" = wiremock ]; then
    write_wiremock_mappings
    java -jar "$WIREMOCK_JAR" --port "${PORT[wiremock]}" --bind-address 127.0.0.1 --root-dir "$WORK/wiremock" \
      --disable-banner > "$WORK/$server.log" 2>&1 &
    ready='port:'
  elif [ "$server" = proxy ] || [ "$server" = oldproxy ]; then
    local jar=$JAR
    [ "$server" = oldproxy ] && jar=$OLD_PROXY_JAR
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:-} -jar "$jar" proxy --upstream "http://127.0.0.1:${PORT[sandbox]}" --port "${PORT[$server]}" \
      --api-key "$API_KEY" --public-key "$PUBLIC" --signed-base-url "$BASE" > "$WORK/$server.log" 2>&1 &
    ready='^listening on'
  elif [ "$server" = old ]; then
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:-} -jar "$OLD_JAR" stub --mode strict --port "${PORT[old]}" --api-key "$API_KEY" \
      --public-key "$PUBLIC" --signed-base-url "$BASE" ${STUB_ARGS:-} > "$WORK/$server.log" 2>&1 &
    ready='^listening on'
  else
    local mode=$server extra=
    [ "$server" = novalidation ] && { mode=strict; extra=-Dpartnerapi.stub.validation=false; }
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:-} $extra -jar "$JAR" stub --mode "$mode" --port "${PORT[$server]}" --api-key "$API_KEY" \
      --public-key "$PUBLIC" --signed-base-url "$BASE" ${STUB_ARGS:-} > "$WORK/$server.log" 2>&1 &
    ready='^listening on'
  fi
  echo $! > "$WORK/$server.pid"
  for _ in $(seq 1 600); do
    grep -q "$ready" "$WORK/$server.log" && return 0
    sleep 0.1
  done
  echo "wrk-stub.sh: $server did not start, see $WORK/$server.log" >&2
  exit 1
}

stop_all() {
  for server in strict sandbox wiremock old proxy novalidation oldproxy; do
    [ -f "$WORK/$server.pid" ] && kill "$(cat "$WORK/$server.pid")" 2>/dev/null || true
    rm -f "$WORK/$server.pid"
  done
}
trap stop_all EXIT

cpu_ticks() { # pid -> user + system clock ticks used so far
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

run() { # label server requests-file expected-status seconds
  local pid before line requests
  # signed afresh for every run: a timestamp is valid for 300 s, and a long warm-up outlasts that (the sandbox
  # would still answer 200, and the proxy's verdicts would then be `timestamp`, skipping the RSA verification)
  write_requests
  pid=$(cat "$WORK/$2.pid")
  before=$(cpu_ticks "$pid")
  line=$(wrk -t2 -c"$CONNECTIONS" -d"$5"s --latency -s bench/stub.lua "http://127.0.0.1:${PORT[$2]}" -- "$WORK/$3" "$4" \
    | grep '^RESULT')
  requests=$(sed 's/.* requests=\([0-9]*\).*/\1/' <<< "$line")
  [ "${requests:-0}" -gt 0 ] || { echo "$1 server=$2 no answers (see $WORK/$2.log)"; return 0; }
  echo "$1 server=$2 ${line#RESULT } cpu_us_per_request=$(( ($(cpu_ticks "$pid") - before) * 1000000 / $(getconf CLK_TCK) / requests ))" \
    "rss_mib=$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status")"
}

[ -n "${WIREMOCK_JAR:-}" ] && SERVERS+=(wiremock)
[ -n "${OLD_JAR:-}" ] && SERVERS+=(old)
[ -n "${NOVALIDATION:-}" ] && SERVERS+=(novalidation)
[ -n "${PROXY:-}" ] && SERVERS+=(proxy)
[ -n "${PROXY:-}" ] && [ -n "${OLD_PROXY_JAR:-}" ] && SERVERS+=(oldproxy)
if [ "${PROXY:-}" = only ]; then SERVERS=(sandbox proxy); [ -n "${OLD_PROXY_JAR:-}" ] && SERVERS+=(oldproxy); fi
write_requests
for server in "${SERVERS[@]}"; do start "$server"; done
echo "$(java -version 2>&1 | head -1); $(openssl version); workload=$WORKLOAD connections=$CONNECTIONS seconds=$SECONDS_PER_RUN"
openssl_speed() { openssl speed -seconds 3 rsa2048 2>/dev/null | awk '/^rsa 2048/ { print $(NF-1) " sign/s " $NF " verify/s" }'; }
SPEED=$(openssl_speed)
echo "openssl speed rsa2048: $SPEED"
WARMUP_RUNS=${WARMUP_RUNS:-6}
echo "warm-up: $WARMUP_RUNS runs per server, not counted"
for _ in $(seq 1 "$WARMUP_RUNS"); do
  for server in "${SERVERS[@]}"; do run warm "$server" "$WORKLOAD.lua" 200 "$SECONDS_PER_RUN" > /dev/null; done
done
: > "$WORK/results.txt"
for round in $(seq 1 "$ROUNDS"); do
  # each round starts with the next server, so that none is always first after a pause
  shift=$(( (round - 1) % ${#SERVERS[@]} ))
  for server in "${SERVERS[@]:shift}" "${SERVERS[@]:0:shift}"; do
    run "round=$round" "$server" "$WORKLOAD.lua" 200 "$SECONDS_PER_RUN" | tee -a "$WORK/results.txt"
  done
done
if [ "${PROXY:-}" != only ]; then run tampered strict tampered.lua 401 3 | tee -a "$WORK/results.txt"; fi
SPEED_AFTER=$(openssl_speed)
echo "openssl speed rsa2048 after the runs: $SPEED_AFTER"
VERIFY_PER_S=$(awk '{ a = $3 } END { print a }' <<< "$SPEED"; awk '{ print $3 }' <<< "$SPEED_AFTER")
awk -v verify="$(tr '\n' ' ' <<< "$VERIFY_PER_S")" '
  function field(name,   i) { for (i = 1; i <= NF; i++) if (index($i, name "=") == 1) return substr($i, length(name) + 2); return 0 }
  function median(list,   a, k, i, j, t) { # of the numbers in a space-separated list
    k = split(list, a, " ")
    for (i = 2; i <= k; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
  }
  /^round/ { rps[field("server")] += field("rps"); cpu[field("server")] += field("cpu_us_per_request"); n[field("server")]++
    by[field("round"), field("server")] = field("rps"); rounds = field("round") + 0 }
  { wrong += field("wrong") }
  END {
    for (s in n) printf "SUMMARY server=%s rps=%.0f cpu_us_per_request=%.0f\n", s, rps[s] / n[s], cpu[s] / n[s]
    if (n["strict"]) printf "SUMMARY strict/sandbox=%.2f wrong_verdicts=%d\n", rps["strict"] / rps["sandbox"], wrong
    else printf "SUMMARY wrong_verdicts=%d\n", wrong
    if (n["wiremock"]) printf "SUMMARY sandbox/wiremock=%.2f strict/wiremock=%.2f\n", rps["sandbox"] / rps["wiremock"], rps["strict"] / rps["wiremock"]
    if (n["old"]) printf "SUMMARY strict/old=%.2f (rps) old_cpu/strict_cpu=%.2f\n", rps["strict"] / rps["old"], (cpu["old"] / n["old"]) / (cpu["strict"] / n["strict"])
    if (n["novalidation"]) printf "SUMMARY strict/novalidation=%.2f\n", rps["strict"] / rps["novalidation"]
    split(verify, v, " "); us = 1e6 / ((v[1] + v[2]) / 2)
    extra = cpu["strict"] / n["strict"] - cpu["sandbox"] / n["sandbox"]
    if (n["strict"]) printf "SUMMARY strict_extra_cpu_us=%.1f openssl_verify_us=%.1f extra/openssl_verify=%.2f\n", extra, us, extra / us
    if (n["proxy"]) {
      printf "SUMMARY proxy/sandbox=%.2f (requests/s through the proxy versus the sandbox stub directly)\n", rps["proxy"] / rps["sandbox"]
      ratios = ""
      for (r = 1; r <= rounds; r++) ratios = ratios sprintf(" %.2f", by[r, "proxy"] / by[r, "sandbox"])
      printf "SUMMARY proxy/sandbox by round:%s (median %.2f)\n", ratios, median(ratios)
    }
    if (n["oldproxy"]) printf "SUMMARY oldproxy/sandbox=%.2f proxy/oldproxy=%.2f\n", rps["oldproxy"] / rps["sandbox"], rps["proxy"] / rps["oldproxy"]
  }
' "$WORK/results.txt"
if [ -n "${PROXY:-}" ]; then # the proxy's verdicts on its last requests: all valid, or a signing mismatch shows
  echo "SUMMARY proxy_verdicts: $(curl -s "http://127.0.0.1:${PORT[proxy]}/__proxy/requests" \
    | grep -o '"verdict":"[^"]*"' | sort | uniq -c | tr -s ' \n' ' ')"
fi
