#!/usr/bin/env bash
# Row-edit benchmark: `mainstay serve` on a SQLite ledger of N offers (default 200,000), and
# bench/edits/editor.py changing offers one at a time through the API (PUT with If-Match, one
# connection), EDITS edits (default 300) a run, RUNS runs (default 3): the median edits per second,
# median and 99th-percentile latency of an edit, and the server's peak memory. The server keeps its
# current plan in the background as it runs, re-planning after the edits, as in production.
# The web app is not in the native build, so this runs the standard (JIT) Release build.
# usage: bench/edits/run.sh [N] [EDITS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-200000}
EDITS=${2:-300}
RUNS=${3:-3}
bash scripts/setup.sh
WORK=$(mktemp -d)
SERVER=
stop() { [ -n "$SERVER" ] && { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; }; rm -rf "$WORK"; }
trap stop EXIT
dotnet build src/Mainstay.Cli -c Release -o "$WORK/bin" --verbosity quiet --nologo >/dev/null
MAINSTAY=(dotnet "$WORK/bin/mainstay.dll")
python3 bench/import/generate.py "$N" "$WORK/data"
"${MAINSTAY[@]}" import "$WORK/data/nations.csv" "$WORK/data/offers.csv" --db "$WORK/ledger.db" >/dev/null
echo "correct horse battery staple" | "${MAINSTAY[@]}" user add bench --role coordinator --db "$WORK/ledger.db" >/dev/null
TOKEN=$("${MAINSTAY[@]}" user token bench --db "$WORK/ledger.db" 2>/dev/null)
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
"${MAINSTAY[@]}" serve --db "$WORK/ledger.db" --urls "http://127.0.0.1:$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/api/v1/nations" >/dev/null && break; sleep 0.2; done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
python3 bench/edits/editor.py "http://127.0.0.1:$PORT" "$TOKEN" 20 >/dev/null # warm-up
: >"$WORK/runs"
for _ in $(seq "$RUNS"); do python3 bench/edits/editor.py "http://127.0.0.1:$PORT" "$TOKEN" "$EDITS" >>"$WORK/runs"; done
echo "one-row edits (PUT /api/v1/offers/{id}) on a ledger of $N offers, SQLite, median of $RUNS runs of $EDITS"
printf "%10.1f edits/s %10.1f ms median %10.1f ms p99\n" "$(cut -d' ' -f1 <"$WORK/runs" | median)" \
  "$(cut -d' ' -f2 <"$WORK/runs" | median)" "$(cut -d' ' -f3 <"$WORK/runs" | median)"
echo "server peak memory: $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' /proc/$SERVER/status)"
