#!/usr/bin/env bash
# Re-planning benchmark: imports a generated scenario of N requirements and N offers (default
# 200,000) into a fresh SQLite ledger, stores a full plan, then changes one offer and times
# `mainstay plan` again (which re-solves only that offer's item type), RUNS times (default 5):
# once for an offer of an item type of median size, once for the first offer in the file (of the
# second largest item type in the default scenario, about a tenth of all rows: a hard case).
# Then the same scenario re-planned in memory (PlanSession, bench/planner/Replan): a warm start from
# the last optimum after one offer of the largest, the second largest and a median item type changed.
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
# replan LINE: change the quantity of the offer on that line of offers.csv RUNS times, re-planning each time.
replan() {
  : >"$WORK/times"
  for run in $(seq "$RUNS"); do
    awk -F, -v line="$1" 'NR == line { $4 = $4 + 1 } { print }' OFS=, "$WORK/current/offers.csv" >"$WORK/offers.csv"
    cp "$WORK/offers.csv" "$WORK/current/offers.csv"
    "${MAINSTAY[@]}" import "$WORK/offers.csv" --db "$DB" >/dev/null
    /usr/bin/time -f "%e" -o "$WORK/time" "${MAINSTAY[@]}" plan --db "$DB" >"$WORK/out"
    cat "$WORK/time" >>"$WORK/times"
  done
  echo "$(grep -o "Plan [0-9]* stored: [0-9]* item type(s) changed[^(]*([^)]*)" "$WORK/out"): median $(median <"$WORK/times") s of $RUNS"
}
mkdir -p "$WORK/current" && cp "$WORK/scenario/offers.csv" "$WORK/current/offers.csv"
median_item=$(cut -d, -f3 "$WORK/scenario/offers.csv" | tail -n +2 | sort | uniq -c | sort -n | awk '{a[NR]=$2} END {print a[int((NR+1)/2)]}')
median_line=$(awk -F, -v item="$median_item" '$3 == item { print NR; exit }' "$WORK/scenario/offers.csv")
echo "first (full) plan of the ledger: $(cat "$WORK/full") s"
echo "re-plan after an offer of a median item type ($median_item, $(grep -c ",$median_item," "$WORK/scenario/offers.csv") offers) changed:"
replan "$median_line"
echo "re-plan after the first offer ($(sed -n 2p "$WORK/scenario/offers.csv" | cut -d, -f3), $(grep -c ",$(sed -n 2p "$WORK/scenario/offers.csv" | cut -d, -f3)," "$WORK/scenario/offers.csv") offers) changed:"
replan 2
echo "in memory (PlanSession, warm start):"
dotnet run -c Release --project bench/planner/Replan -- "$WORK/scenario" "$RUNS"
