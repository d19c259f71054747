#!/usr/bin/env bash
# Regenerate every expected output under tests/ from CPython 3.14 (the oracle in ../shared/tools,
# or $CPYTHON314). With no arguments every area is regenerated; with arguments, each AREA is
# passed to whichever script owns it. See scripts/regen_expected.py (parser, tokenizer, ...) and
# scripts/regen_compiler.py (symbol tables, ...) for what each area holds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
oracle="${CPYTHON314:-$root/../shared/tools/cpython3.14}"
compiler_areas=" symtable stdlib-symtable dis stdlib-dis codeobj stdlib-codeobj errors warnings "
if [ $# -eq 0 ]; then
  "$oracle" "$root/scripts/regen_expected.py"
  "$oracle" "$root/scripts/regen_compiler.py"
  "$oracle" "$root/scripts/regen_cli.py"
  exit 0
fi
for area in "$@"; do
  if [ "$area" = cli ]; then
    "$oracle" "$root/scripts/regen_cli.py"
  elif [[ "$compiler_areas" == *" $area "* ]]; then
    "$oracle" "$root/scripts/regen_compiler.py" "$area"
  else
    "$oracle" "$root/scripts/regen_expected.py" "$area"
  fi
done
