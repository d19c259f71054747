#!/usr/bin/env bash
# Time the pure-Python benchmark programs (benches/programs/*.py) under Taipan and under CPython
# 3.14 on this machine, check that both print the same thing, and print a table of best-of-N
# times with the Taipan/CPython ratio and the geometric mean of the ratios.
#   benches/run.sh [-n N] [NAME ...]      NAME: a program's file name without .py (default: all)
# N (default 3, or $RUNS) is the number of runs per interpreter; the best is reported.
# Taipan is $TAIPAN if set, otherwise target/release/taipan, built here first. The oracle is
# $CPYTHON314 or ../shared/tools/cpython3.14. A program Taipan cannot run (non-zero exit, output
# different from CPython's, or over the time limit of 60 s) is reported as `fails` and left out
# of the geometric mean. Exit status: 0 if every program ran correctly under Taipan, 1 otherwise.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
progs="$root/benches/programs"
oracle="${CPYTHON314:-$root/../shared/tools/cpython3.14}"
runs="${RUNS:-3}"
if [ "${1:-}" = "-n" ]; then runs="$2"; shift 2; fi
case "$runs" in ''|*[!0-9]*|0) echo "run.sh: N must be a positive integer" >&2; exit 2 ;; esac
if [ -z "${TAIPAN:-}" ]; then
  (cd "$root" && cargo build --release -q -p taipan) || { echo "run.sh: building taipan failed" >&2; exit 2; }
  TAIPAN="$root/target/release/taipan"
fi
case "$TAIPAN" in /*) ;; *) TAIPAN="$PWD/$TAIPAN" ;; esac

if [ $# -gt 0 ]; then names=("$@"); else
  mapfile -t names < <(cd "$progs" && ls *.py | sed 's/\.py$//' | sort)
fi

tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
now() { date +%s%N; }

# best_time OUTFILE CMD... : run CMD $runs times in benches/programs with the fixed environment;
# print the best wall time in seconds, or "fail" if a run exits non-zero or prints something other
# than the first run (OUTFILE gets the first run's stdout+stderr).
best_time() {
  local out="$1"; shift
  local best="" i t0 t1 dt status
  for ((i = 0; i < runs; i++)); do
    t0=$(now)
    status=0
    (cd "$progs" && env -i PATH="$PATH" HOME="${HOME:-/}" PYTHONHASHSEED=0 PYTHONNOUSERSITE=1 \
        PYTHONIOENCODING=utf-8 PYTHONUTF8=1 PYTHONDONTWRITEBYTECODE=1 PYTHON_COLORS=0 NO_COLOR=1 \
        LC_ALL=C.UTF-8 timeout 60 "$@" </dev/null >"$tmp/run.out" 2>&1) || status=$?
    t1=$(now)
    [ "$status" = 0 ] || { echo fail; return; }
    if [ "$i" = 0 ]; then cp "$tmp/run.out" "$out"; elif ! cmp -s "$tmp/run.out" "$out"; then echo fail; return; fi
    dt=$(( t1 - t0 ))
    if [ -z "$best" ] || [ "$dt" -lt "$best" ]; then best=$dt; fi
  done
  awk -v ns="$best" 'BEGIN { printf "%.3f", ns / 1e9 }'
}

printf "%-16s %10s %10s %8s\n" program cpython taipan ratio
printf "%-16s %10s %10s %8s\n" "" "(s)" "(s)" "T/C"
ratios=(); failed=0
for name in "${names[@]}"; do
  [ -f "$progs/$name.py" ] || { echo "run.sh: no such program: $name" >&2; exit 2; }
  c=$(best_time "$tmp/$name.cpython" "$oracle" "$name.py")
  if [ "$c" = fail ]; then
    printf "%-16s %10s %10s %8s\n" "$name" "error" "-" "-"; failed=1; continue
  fi
  t=$(best_time "$tmp/$name.taipan" "$TAIPAN" "$name.py")
  if [ "$t" != fail ] && ! cmp -s "$tmp/$name.cpython" "$tmp/$name.taipan"; then t=fail; fi
  if [ "$t" = fail ]; then
    printf "%-16s %10s %10s %8s\n" "$name" "$c" "fails" "-"; failed=1; continue
  fi
  r=$(awk -v t="$t" -v c="$c" 'BEGIN { printf "%.2f", (c > 0 ? t / c : 0) }')
  ratios+=("$(awk -v t="$t" -v c="$c" 'BEGIN { printf "%.6f", (c > 0 ? t / c : 1) }')")
  printf "%-16s %10s %10s %8s\n" "$name" "$c" "$t" "$r"
done
if [ ${#ratios[@]} -gt 0 ]; then
  gm=$(printf "%s\n" "${ratios[@]}" | awk '$1 > 0 { s += log($1); n++ } END { if (n) printf "%.2f", exp(s / n); else print "n/a" }')
else
  gm="n/a"
fi
echo "geometric mean (T/C) over ${#ratios[@]} of ${#names[@]} programs: $gm   (best of $runs runs each)"
exit "$failed"
