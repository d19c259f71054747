#!/usr/bin/env bash
# Stdlib speed benchmark: parse (or, with --compile, parse and compile to code objects) every .py
# file of CPython 3.14's stdlib (628 files) with Taipan and with CPython 3.14 (`ast.parse`, or
# `compile()`), on this machine, in one run; print both times and the ratio. Each side reads the
# files first and times only the work, best of N rounds.
#   benches/parse_stdlib.sh [--compile] [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stage=parse
if [ "${1:-}" = "--compile" ]; then stage=compile; shift; fi
rounds="${1:-5}"
oracle="${CPYTHON314:-$root/../shared/tools/cpython3.14}"
"$root/scripts/fetch-stdlib.sh"
lib="${TAIPAN_STDLIB:-$root/.stdlib/Lib}"
(cd "$root" && cargo build --release -q -p taipan-dev)
mapfile -t files < <(cd "$lib" && find . -name '*.py' -not -path './pyodide/*' -not -path './_pyodide/*' -not -path './site-packages/*' | sort)
cd "$lib"
flag=(); [ "$stage" = compile ] && flag=(--compile)
taipan=$("$root/target/release/taipan-dev" parse-bench "${flag[@]}" --repeat "$rounds" "${files[@]}")
cpython=$("$oracle" - "$stage" "$rounds" "${files[@]}" <<'PY'
import ast, sys, time, warnings
warnings.simplefilter("ignore")
stage, rounds = sys.argv[1], int(sys.argv[2])
sources = [(p, open(p, "rb").read()) for p in sys.argv[3:]]
work = (lambda s, p: ast.parse(s, p)) if stage == "parse" else \
       (lambda s, p: compile(s, p, "exec", dont_inherit=True))
best = float("inf")
for _ in range(rounds):
    t = time.perf_counter()
    for p, s in sources:
        work(s, p)
    best = min(best, time.perf_counter() - t)
print("%.6f" % best)
PY
)
cname=$([ "$stage" = parse ] && echo "ast.parse" || echo "compile()")
echo "files:            ${#files[@]}"
echo "taipan $stage:     ${taipan} s"
echo "cpython $cname: ${cpython} s"
awk -v t="$taipan" -v c="$cpython" 'BEGIN { printf "ratio taipan/cpython: %.3f (CPython is %.2fx Taipan'"'"'s time)\n", t / c, c / t }'
