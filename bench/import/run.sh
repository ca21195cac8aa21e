#!/usr/bin/env bash
# Import benchmark: times `mainstay import` of N offers (default 100,000) into a fresh ledger,
# on SQLite and on a throwaway PostgreSQL server, RUNS times each (default 5), and reports the
# median wall time, rows per second and peak memory. Also times re-importing the unchanged file.
# usage: bench/import/run.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
RUNS=${2:-5}
source bench/common.sh
python3 bench/import/generate.py "$N" "$WORK/data"

BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
AS=(); if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$WORK"; AS=(runuser -u postgres --); fi
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
trap '"${AS[@]}" "$BIN/pg_ctl" -D "$WORK/pg" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
"${AS[@]}" "$BIN/initdb" -D "$WORK/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${AS[@]}" "$BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -o "-p $PORT -c listen_addresses=127.0.0.1 -k $WORK" start >/dev/null
PGADMIN="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres"

# Runs one import, printing "seconds peak_kib".
timed() {
  /usr/bin/time -f "%e %M" -o "$WORK/time" "${MAINSTAY[@]}" "$@" >"$WORK/out" 2>&1 || { cat "$WORK/out"; exit 1; }
  cat "$WORK/time"
}


echo "import of $N offers, median of $RUNS runs"
printf "%-10s %-16s %10s %12s %12s\n" database case seconds rows/s peak_MiB
for database in sqlite postgres; do
  : >"$WORK/fresh"; : >"$WORK/again"
  for run in $(seq "$RUNS"); do
    if [ "$database" = sqlite ]; then
      DB="$WORK/ledger-$run.db"
    else
      "${AS[@]}" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE bench_$run" >/dev/null
      DB="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=bench_$run"
    fi
    "${MAINSTAY[@]}" import "$WORK/data/nations.csv" --db "$DB" >/dev/null
    timed import "$WORK/data/offers.csv" --db "$DB" >>"$WORK/fresh"
    timed import "$WORK/data/offers.csv" --db "$DB" >>"$WORK/again"
  done
  for case in fresh again; do
    seconds=$(cut -d' ' -f1 <"$WORK/$case" | median)
    kib=$(cut -d' ' -f2 <"$WORK/$case" | median)
    label=$([ "$case" = fresh ] && echo "new rows" || echo "unchanged file")
    awk -v d="$database" -v l="$label" -v s="$seconds" -v n="$N" -v k="$kib" 'BEGIN {printf "%-10s %-16s %10.2f %12.0f %12.0f\n", d, l, s, n / s, k / 1024}'
  done
done
