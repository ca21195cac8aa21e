#!/usr/bin/env bash
# Planner benchmark: times the whole `mainstay plan --scenario` command (parse, solve, write) on
# seeded realistic scenarios (bench/planner/generate.py) of N requirements and N offers, RUNS times
# each (default 5), reporting the median wall time and peak memory; and glpsol on the direct LP of
# the same problem at the sizes it can handle (default 2000), GLPK_RUNS times (default 1).
# usage: bench/planner/run.sh [RUNS] [SIZES...]      e.g. bench/planner/run.sh 5 2000 20000 200000 1000000
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}; shift || true
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(2000 20000 200000 1000000)
GLPK_SIZES=${GLPK_SIZES:-2000}
GLPK_RUNS=${GLPK_RUNS:-1}
source bench/common.sh


printf "%10s %12s %12s %14s %14s\n" size median_s peak_MiB glpsol_s glpsol_MiB
for n in "${SIZES[@]}"; do
  lp=()
  if [[ " $GLPK_SIZES " == *" $n "* ]]; then lp=(--lp "$WORK/plan-$n.lp"); fi
  python3 bench/planner/generate.py "$n" "$WORK/scenario-$n" 2024 "${lp[@]}"
  : >"$WORK/times"
  for run in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$WORK/time" "${MAINSTAY[@]}" plan --scenario "$WORK/scenario-$n" --out "$WORK/out-$n" >/dev/null
    cat "$WORK/time" >>"$WORK/times"
  done
  seconds=$(cut -d' ' -f1 <"$WORK/times" | median)
  kib=$(cut -d' ' -f2 <"$WORK/times" | median)
  glpk_s="-"; glpk_mib="-"
  if [ ${#lp[@]} -gt 0 ]; then
    : >"$WORK/glpk"
    for run in $(seq "$GLPK_RUNS"); do
      /usr/bin/time -f "%e %M" -o "$WORK/time" glpsol --lp "$WORK/plan-$n.lp" -o "$WORK/glpk-$n.txt" >/dev/null
      cat "$WORK/time" >>"$WORK/glpk"
    done
    glpk_s=$(cut -d' ' -f1 <"$WORK/glpk" | median)
    glpk_mib=$(awk '{print int($2 / 1024)}' "$WORK/glpk" | median)
    ours=$(grep -o '"objective": [0-9]*' "$WORK/out-$n/summary.json" | grep -o '[0-9]*$')
    theirs=$(grep -o 'obj = *[0-9.e+]*' "$WORK/glpk-$n.txt" | grep -o '[0-9.e+]*$')
    echo "  size $n: objective $ours, glpsol $theirs" >&2
  fi
  awk -v n="$n" -v s="$seconds" -v k="$kib" -v gs="$glpk_s" -v gm="$glpk_mib" \
    'BEGIN {printf "%10d %12.2f %12.0f %14s %14s\n", n, s, k / 1024, gs, gm}'
done
