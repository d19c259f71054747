#!/usr/bin/env bash
# Run the Python-behaviour corpus (tests/programs/AREA/NAME.py) under Taipan and compare each run
# with CPython 3.14's recorded NAME.stdout, NAME.stderr and NAME.status.
#   scripts/run-programs.sh [AREA...]      (default: every area)
# Taipan is $TAIPAN, or target/release/taipan (built here if $TAIPAN is unset). Each program runs
# as scripts/regen_expected.py runs the oracle: from inside its area folder, under its relative
# name, stdin from NAME.stdin if it exists (else empty), the same fixed environment, a 30 s
# time limit; the area folder's absolute path is cut from the output as the regen script does.
# Prints a unified diff per failing program and ends with `N passed, M failed`; exit status 1
# when anything failed.
# Set VERBOSE=0 to print only the names of failing programs, not their diffs.
# Set SKIP=FILE to skip the programs FILE lists (one `area/name.py` a line; `#` comments): CI
# uses tests/programs/known_failing.txt, the programs that do not pass yet.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="$root/tests/programs"
if [ -z "${TAIPAN:-}" ]; then
  (cd "$root" && cargo build --release -q -p taipan) || exit 2
  TAIPAN="$root/target/release/taipan"
fi
case "$TAIPAN" in /*) ;; *) TAIPAN="$PWD/$TAIPAN" ;; esac
verbose="${VERBOSE:-1}"

if [ $# -gt 0 ]; then areas=("$@"); else
  mapfile -t areas < <(cd "$base" && find . -mindepth 1 -maxdepth 1 -type d | sed 's|^\./||' | sort)
fi

skip=()
if [ -n "${SKIP:-}" ]; then mapfile -t skip < <(sed 's/#.*//; /^[[:space:]]*$/d' "$SKIP"); fi

tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
passed=0; failed=0; skipped=0; failures=()
for area in "${areas[@]}"; do
  folder="$base/$area"
  [ -d "$folder" ] || { echo "no such area: $area" >&2; exit 2; }
  prefix="$(cd "$folder" && pwd -P)/"
  for path in "$folder"/*.py; do
    [ -e "$path" ] || continue
    f="$(basename "$path")"
    case "$f" in _*) continue ;; esac
    name="${f%.py}"
    if [ ${#skip[@]} -gt 0 ] && printf '%s\n' "${skip[@]}" | grep -qxF "$area/$f"; then
      skipped=$((skipped + 1)); continue
    fi
    status=0
    stdin=/dev/null
    [ -e "$folder/$name.stdin" ] && stdin="$folder/$name.stdin"
    (cd "$folder" && env -i PATH="$PATH" HOME="${HOME:-/}" ${TAIPAN_STDLIB:+TAIPAN_STDLIB="$TAIPAN_STDLIB"} \
        PYTHONHASHSEED=0 PYTHONNOUSERSITE=1 \
        PYTHONIOENCODING=utf-8 PYTHONUTF8=1 PYTHONDONTWRITEBYTECODE=1 PYTHON_COLORS=0 NO_COLOR=1 \
        LC_ALL=C.UTF-8 timeout 30 "$TAIPAN" "$f" <"$stdin" >"$tmp/out.raw" 2>"$tmp/err.raw") || status=$?
    # Cut the folder's absolute path, as the regen script does (a literal, not a pattern).
    PREFIX="$prefix" perl -pe 's/\Q$ENV{PREFIX}\E//g' "$tmp/out.raw" >"$tmp/stdout"
    PREFIX="$prefix" perl -pe 's/\Q$ENV{PREFIX}\E//g' "$tmp/err.raw" >"$tmp/stderr"
    echo "$status" >"$tmp/status"
    ok=1
    for ext in stdout stderr status; do
      cmp -s "$folder/$name.$ext" "$tmp/$ext" || ok=0
    done
    if [ "$ok" = 1 ]; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1)); failures+=("$area/$f")
      echo "FAIL $area/$f"
      if [ "$verbose" != 0 ]; then
        for ext in stdout stderr status; do
          diff -u --label "expected $name.$ext" --label "taipan $name.$ext" \
            "$folder/$name.$ext" "$tmp/$ext" | head -n 60
        done
      fi
    fi
  done
done
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed ($skipped skipped)"; else echo "$passed passed, $failed failed"; fi
[ "$failed" = 0 ]
