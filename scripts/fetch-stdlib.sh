#!/usr/bin/env bash
# fetch-stdlib.sh — make CPython 3.14's pure-Python standard library available to Taipan.
#
# The stdlib is a dependency, never part of the repository: it comes from the npm registry's
# `pyodide@314.0.7` package, whose python_stdlib.zip is CPython 3.14.2's `Lib`. The zip's sha256 is
# checked, then it is unpacked into .stdlib/Lib (git-ignored). Idempotent: a second run does nothing.
#
# Set TAIPAN_STDLIB=/path/to/Lib to use another CPython 3.14 Lib instead; this script then only
# checks that the folder exists.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PACKAGE=pyodide@314.0.7
ZIP_SHA256=fa1957e5777068fc4f7437f96d860ae2fbe9c19732ba06c84e004ec16dd7dd7a
dest="$root/.stdlib"

if [ -n "${TAIPAN_STDLIB:-}" ]; then
  [ -f "$TAIPAN_STDLIB/os.py" ] || { echo "fetch-stdlib: TAIPAN_STDLIB=$TAIPAN_STDLIB has no os.py" >&2; exit 1; }
  exit 0
fi
[ -f "$dest/Lib/.complete" ] && exit 0

command -v npm >/dev/null || {
  echo "fetch-stdlib: npm is needed to fetch CPython's standard library ($PACKAGE)." >&2
  echo "  Install Node.js and npm (e.g. apt-get install nodejs npm), or set TAIPAN_STDLIB to a CPython 3.14 Lib folder." >&2
  exit 1
}
command -v unzip >/dev/null || command -v python3 >/dev/null || {
  echo "fetch-stdlib: unzip (or python3) is needed to unpack the standard library." >&2; exit 1; }

mkdir -p "$dest"
work="$(mktemp -d "$dest/fetch.XXXXXX")"
trap 'rm -rf "$work"' EXIT
echo "fetch-stdlib: fetching $PACKAGE from the npm registry ..." >&2
(cd "$work" && npm pack --silent "$PACKAGE" >/dev/null)
tar -xzf "$work"/pyodide-*.tgz -C "$work" package/python_stdlib.zip
zip="$work/package/python_stdlib.zip"
got="$(sha256sum "$zip" | cut -d' ' -f1)"
if [ "$got" != "$ZIP_SHA256" ]; then
  echo "fetch-stdlib: sha256 mismatch for python_stdlib.zip: expected $ZIP_SHA256, got $got" >&2
  exit 1
fi
rm -rf "$dest/Lib.new"; mkdir -p "$dest/Lib.new"
if command -v unzip >/dev/null; then
  unzip -q "$zip" -d "$dest/Lib.new"
else
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$dest/Lib.new"
fi
touch "$dest/Lib.new/.complete"
rm -rf "$dest/Lib"; mv "$dest/Lib.new" "$dest/Lib"
echo "fetch-stdlib: CPython 3.14 Lib unpacked into $dest/Lib" >&2
