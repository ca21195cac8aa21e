#!/usr/bin/env bash
# Web benchmark: `mainstay serve` on the demo ledger (SQLite), measured with wrk (Debian's), 32
# connections on 2 threads for DURATION seconds (default 15) after a 3-second warm-up, RUNS times
# (default 3): requests per second and the 99th-percentile latency of the overview page and of
# GET /api/v1/requirements (a page of 100, as a coordinator with a personal API token), and of the
# overview page again while bench/web/writer.py changes a requirement every 2 seconds.
# The web app is not in the native build, so this runs the standard (JIT) Release build.
# usage: bench/web/run.sh [RUNS] [DURATION]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
DURATION=${2:-15}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
WORK=$(mktemp -d)
dotnet build src/Mainstay.Cli -c Release -o "$WORK/bin" --verbosity quiet --nologo >/dev/null
MAINSTAY=(dotnet "$WORK/bin/mainstay.dll")
"${MAINSTAY[@]}" demo --db "$WORK/demo.db" >/dev/null
echo "correct horse battery staple" | "${MAINSTAY[@]}" user add bench --role coordinator --db "$WORK/demo.db" >/dev/null
TOKEN=$("${MAINSTAY[@]}" user token bench --db "$WORK/demo.db" 2>/dev/null)
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
"${MAINSTAY[@]}" serve --db "$WORK/demo.db" --urls "http://127.0.0.1:$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/api/v1/nations" >/dev/null && break; sleep 0.2; done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# measure NAME URL [HEADER]: prints the median requests/s and p99 latency (ms) over RUNS runs.
measure() {
  local name=$1 url=$2; shift 2
  wrk -t2 -c32 -d3s "$@" "$url" >/dev/null
  : >"$WORK/rps"; : >"$WORK/p99"
  for _ in $(seq "$RUNS"); do
    wrk -t2 -c32 -d"${DURATION}s" --latency "$@" "$url" >"$WORK/out"
    grep -q "Non-2xx" "$WORK/out" && { echo "$name: errors in the answers" >&2; cat "$WORK/out" >&2; exit 1; }
    awk '/Requests\/sec/ {print $2}' "$WORK/out" >>"$WORK/rps"
    awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' "$WORK/out" >>"$WORK/p99"
  done
  printf "%-40s %10.0f req/s %10.1f ms p99\n" "$name" "$(median <"$WORK/rps")" "$(median <"$WORK/p99")"
}
measure "GET /api/v1/requirements?pageSize=100" "http://127.0.0.1:$PORT/api/v1/requirements?pageSize=100" -H "Authorization: Bearer $TOKEN"
measure "GET / (overview dashboard)" "http://127.0.0.1:$PORT/"
python3 bench/web/writer.py "http://127.0.0.1:$PORT" "$TOKEN" 2 &
WRITER=$!
trap 'kill $WRITER 2>/dev/null || true; kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
measure "GET / while a write every 2 s" "http://127.0.0.1:$PORT/"
kill $WRITER; wait $WRITER 2>/dev/null || true
echo "server peak memory: $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' /proc/$SERVER/status)"
