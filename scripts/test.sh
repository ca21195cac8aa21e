#!/usr/bin/env bash
# Runs the whole test suite: installs what it needs, starts a throwaway PostgreSQL server on a
# free local port, runs every test project against SQLite and PostgreSQL, and removes the server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDIR=$(mktemp -d)
AS=()
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PGDIR"; AS=(runuser -u postgres --); fi
chmod 700 "$PGDIR"
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
cleanup() {
  "${AS[@]}" "$BIN/pg_ctl" -D "$PGDIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap cleanup EXIT
"${AS[@]}" "$BIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${AS[@]}" "$BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -k $PGDIR -c fsync=off -c full_page_writes=off" start >/dev/null
export MAINSTAY_TEST_POSTGRES="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres"
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"

dotnet build Mainstay.slnx -c Release --verbosity quiet --nologo
status=0
log="$PGDIR/test.log"
for project in tests/*/; do
  dotnet test "$project" -c Release --no-build --nologo "$@" 2>&1 | tee -a "$log" || status=1
done
# One closing line for the whole suite, summed over the test projects' own summaries.
python3 - "$log" <<'PY'
import re, sys
totals = {"Passed": 0, "Failed": 0, "Skipped": 0}
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    for key in totals:
        m = re.search(key + r":\s+(\d+),", line)
        if m and "Total:" in line:
            totals[key] += int(m.group(1))
print(f"{totals['Passed']} passed, {totals['Failed']} failed, {totals['Skipped']} skipped")
PY
exit $status
