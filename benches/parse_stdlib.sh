#!/usr/bin/env bash
# Parse-speed benchmark: parse every .py file of CPython 3.14's stdlib (535 files) with Taipan's
# parser and with CPython 3.14's `ast.parse`, on this machine, in one run; print both times and
# the ratio. Each side reads the files first and times only parsing, best of N rounds.
#   benches/parse_stdlib.sh [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}"
oracle="${CPYTHON314:-$root/../shared/tools/cpython3.14}"
"$root/scripts/fetch-stdlib.sh"
lib="${TAIPAN_STDLIB:-$root/.stdlib/Lib}"
(cd "$root" && cargo build --release -q -p taipan-dev)
mapfile -t files < <(cd "$lib" && find . -name '*.py' -not -path './pyodide/*' -not -path './_pyodide/*' -not -path './site-packages/*' | sort)
cd "$lib"
taipan=$("$root/target/release/taipan-dev" parse-bench --repeat "$rounds" "${files[@]}")
cpython=$("$oracle" - "$rounds" "${files[@]}" <<'PY'
import ast, sys, time
rounds = int(sys.argv[1])
sources = [(p, open(p, "rb").read()) for p in sys.argv[2:]]
best = float("inf")
for _ in range(rounds):
    t = time.perf_counter()
    for p, s in sources:
        ast.parse(s, p)
    best = min(best, time.perf_counter() - t)
print("%.6f" % best)
PY
)
echo "files:            ${#files[@]}"
echo "taipan parse:     ${taipan} s"
echo "cpython ast.parse: ${cpython} s"
awk -v t="$taipan" -v c="$cpython" 'BEGIN { printf "ratio taipan/cpython: %.3f (CPython is %.2fx Taipan'"'"'s time)\n", t / c, c / t }'
