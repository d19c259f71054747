#!/usr/bin/env bash
# Compile-speed benchmark: parse and compile every .py file of CPython 3.14's stdlib (535 files)
# to code objects with Taipan and with CPython 3.14's `compile()`, on this machine, in one run;
# print both times and the ratio. Each side reads the files first and times only compiling, best
# of N rounds.
#   benches/compile_stdlib.sh [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}"
oracle="${CPYTHON314:-$root/../shared/tools/cpython3.14}"
"$root/scripts/fetch-stdlib.sh"
lib="${TAIPAN_STDLIB:-$root/.stdlib/Lib}"
(cd "$root" && cargo build --release -q -p taipan-dev)
mapfile -t files < <(cd "$lib" && find . -name '*.py' -not -path './pyodide/*' -not -path './_pyodide/*' -not -path './site-packages/*' | sort)
cd "$lib"
taipan=$("$root/target/release/taipan-dev" parse-bench --compile --repeat "$rounds" "${files[@]}")
cpython=$("$oracle" - "$rounds" "${files[@]}" <<'PY'
import sys, time, warnings
warnings.simplefilter("ignore")
rounds = int(sys.argv[1])
sources = [(p, open(p, "rb").read()) for p in sys.argv[2:]]
best = float("inf")
for _ in range(rounds):
    t = time.perf_counter()
    for p, s in sources:
        compile(s, p, "exec", dont_inherit=True)
    best = min(best, time.perf_counter() - t)
print("%.6f" % best)
PY
)
echo "files:             ${#files[@]}"
echo "taipan compile:    ${taipan} s"
echo "cpython compile(): ${cpython} s"
awk -v t="$taipan" -v c="$cpython" 'BEGIN { printf "ratio taipan/cpython: %.3f (CPython is %.2fx Taipan'"'"'s time)\n", t / c, c / t }'
