#!/usr/bin/env bash
# Re-planning benchmark: imports a generated scenario of N requirements and N offers (default
# 200,000) into a fresh SQLite ledger, stores a full plan, then changes one offer and times
# `mainstay plan` again (which re-solves only that offer's item type), RUNS times (default 5).
# usage: bench/planner/replan.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-200000}
RUNS=${2:-5}
source bench/common.sh
python3 bench/planner/generate.py "$N" "$WORK/scenario" 2024
{
  echo "code,name,role,currency"
  for c in AM AU BA CA DE DK FI FR GB GE IT JO JP KR LB MD NL NO PL RS SE TN UA US XK YE SO; do echo "$c,$c,ally,EUR"; done
} >"$WORK/nations.csv"
DB="$WORK/ledger.db"
"${MAINSTAY[@]}" import "$WORK/nations.csv" "$WORK/scenario/requirements.csv" "$WORK/scenario/offers.csv" --db "$DB" >/dev/null
/usr/bin/time -f "%e" -o "$WORK/full" "${MAINSTAY[@]}" plan --db "$DB" >/dev/null
: >"$WORK/times"
for run in $(seq "$RUNS"); do
  # Change the quantity of the first offer, through the ledger, as a desk would.
  awk -F, -v run="$run" 'NR == 2 { $4 = $4 + run } { print }' OFS=, "$WORK/scenario/offers.csv" >"$WORK/offers.csv"
  "${MAINSTAY[@]}" import "$WORK/offers.csv" --db "$DB" >/dev/null
  /usr/bin/time -f "%e" -o "$WORK/time" "${MAINSTAY[@]}" plan --db "$DB" >"$WORK/out"
  cat "$WORK/time" >>"$WORK/times"
done
grep -o "Plan [0-9]* stored: [^(]*" "$WORK/out"
echo "first (full) plan of the ledger: $(cat "$WORK/full") s; re-plan after one offer changed: median $(median <"$WORK/times") s of $RUNS"
