#!/usr/bin/env bash
# Joint planner benchmark (spec/procurement.md): times the whole `mainstay plan --scenario` command on
# seeded realistic scenarios with funds and procurement options (bench/planner/generate.py --funds
# --options), RUNS times each (default 5), reporting the median wall time and peak memory, and the
# plan's objective, spent_eur and whether summary.json says it is optimal (else its proven bound).
#   small: 2,000 requirements x 2,000 offers, 20 funds, 50 options, 24 order months
#   large: 20,000 x 20,000, 50 funds, 200 options, 24 order months
# TIME_LIMIT=SECONDS passes --time-limit to the command (unset: the command's default, 60 s).
# usage: bench/planner/procurement.sh [RUNS] [small|large...]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}; shift || true
CASES=("$@"); [ ${#CASES[@]} -gt 0 ] || CASES=(small large)
source bench/common.sh
limit=(); [ -z "${TIME_LIMIT:-}" ] || limit=(--time-limit "$TIME_LIMIT")

printf "%6s %7s %6s %8s %10s %10s %22s %18s %s\n" \
  case n funds options median_s peak_MiB objective spent_eur optimal
for case in "${CASES[@]}"; do
  case $case in
    small) n=2000; funds=20; options=50; months=24 ;;
    large) n=20000; funds=50; options=200; months=24 ;;
    *) echo "unknown case $case (small or large)" >&2; exit 2 ;;
  esac
  scenario="$WORK/scenario-$case"
  python3 bench/planner/generate.py "$n" "$scenario" 2024 --funds "$funds" --options "$options" --order-months "$months"
  : >"$WORK/times"
  for run in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$WORK/time" \
      "${MAINSTAY[@]}" plan --scenario "$scenario" --out "$WORK/out-$case" "${limit[@]}" >"$WORK/stdout-$case"
    cat "$WORK/time" >>"$WORK/times"
  done
  seconds=$(cut -d' ' -f1 <"$WORK/times" | median)
  kib=$(cut -d' ' -f2 <"$WORK/times" | median)
  # The last run's figures: the plan is deterministic, so every run's are the same when it is optimal.
  read -r objective spent optimal < <(python3 - "$WORK/out-$case/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
optimal = "yes" if s.get("optimal", True) else f"no (bound {s.get('bound')})"
print(s["objective"], s.get("spent_eur", 0), optimal)
PY
)
  awk -v c="$case" -v n="$n" -v f="$funds" -v p="$options" -v s="$seconds" -v k="$kib" \
    -v o="$objective" -v e="$spent" -v opt="$optimal" \
    'BEGIN {printf "%6s %7d %6d %8d %10.2f %10.0f %22s %18s %s\n", c, n, f, p, s, k / 1024, o, e, opt}'
done
