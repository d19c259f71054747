#!/usr/bin/env bash
# Regenerate every expected output under tests/ from CPython 3.14 (the oracle in ../shared/tools,
# or $CPYTHON314). See scripts/regen_expected.py for what each area holds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
oracle="${CPYTHON314:-$root/../shared/tools/cpython3.14}"
exec "$oracle" "$root/scripts/regen_expected.py" "$@"
