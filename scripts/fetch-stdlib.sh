#!/usr/bin/env bash
# fetch-stdlib.sh — make CPython 3.14's pure-Python standard library available to Taipan.
#
# The stdlib is a dependency, never part of the repository: it comes from the npm registry's
# `pyodide@314.0.7` package, whose python_stdlib.zip is CPython 3.14.2's `Lib`. The zip's sha256 is
# checked, then it is unpacked into .stdlib/Lib (git-ignored). Idempotent: a second run does nothing.
#
# Pyodide's zip leaves out a few pure-Python modules CPython ships (`_pydecimal`, which `decimal`
# falls back on without the C `_decimal`; the platform-support helpers; `dbm`, `pydoc_data`).
# They are taken from Debian's `libpython3.14-stdlib` package (any 3.14.x), fetched with apt-get
# from the unstable suite of the Debian archive this machine's apt already uses (so no host is
# named here), into a private apt state; the system's apt configuration is not touched. Needs
# apt-get and dpkg-deb; fails with a message when the package cannot be had.
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
EXTRAS=(_pydecimal.py _aix_support.py _android_support.py _apple_support.py _ios_support.py
        _osx_support.py dbm pydoc_data)

# The Debian archive apt is configured with (its main suite's URI).
debian_uri() {
  { grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{for (i = 2; i <= NF; i++) print $i}'
    grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | sed 's/\[[^]]*\]//' | awk '{print $2}'
  } | grep -E '/debian/?$' | head -n 1
}

fail_extras() {
  echo "fetch-stdlib: cannot add the modules pyodide leaves out (${EXTRAS[*]}): $*" >&2
  echo "  They come from Debian's libpython3.14-stdlib package (unstable suite) through apt-get." >&2
  exit 1
}

add_extras() {
  [ -f "$dest/Lib/.extras-complete" ] && return 0
  command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null || fail_extras "apt-get and dpkg-deb are needed"
  local uri; uri=$(debian_uri || true); [ -n "$uri" ] || fail_extras "no Debian archive in this machine's apt sources"
  local work; work="$(mktemp -d "$dest/extras.XXXXXX")"
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/debs" "$work/root"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri sid main" > "$work/sources.list"
  local opt=(-o Dir::Etc::sourcelist="$work/sources.list" -o Dir::Etc::sourceparts=- -o Dir::State::Lists="$work/lists"
             -o Dir::Cache="$work/cache" -o APT::Sandbox::User=root -o Debug::NoLocking=1)
  echo "fetch-stdlib: fetching libpython3.14-stdlib from Debian's unstable suite ..." >&2
  apt-get "${opt[@]}" -qq update >/dev/null 2>&1 || { rm -rf "$work"; fail_extras "apt-get update of the unstable suite failed"; }
  (cd "$work/debs" && apt-get "${opt[@]}" -qq download libpython3.14-stdlib >/dev/null 2>&1) \
    || { rm -rf "$work"; fail_extras "apt-get download libpython3.14-stdlib failed"; }
  local deb; deb=$(ls "$work"/debs/libpython3.14-stdlib_*.deb 2>/dev/null | head -n 1)
  local version; version=$(dpkg-deb -f "$deb" Version 2>/dev/null || true)
  [[ "$version" =~ ^3\.14\. ]] || { rm -rf "$work"; fail_extras "unexpected package version '$version' (want 3.14.x)"; }
  dpkg-deb -x "$deb" "$work/root"
  local lib="$work/root/usr/lib/python3.14" f
  for f in "${EXTRAS[@]}"; do
    [ -e "$lib/$f" ] || { rm -rf "$work"; fail_extras "$f is not in libpython3.14-stdlib $version"; }
  done
  for f in "${EXTRAS[@]}"; do
    [ -e "$dest/Lib/$f" ] && continue   # pyodide's own copy wins
    cp -R "$lib/$f" "$dest/Lib/$f"
  done
  find "$dest/Lib" -name __pycache__ -path '*dbm*' -prune -exec rm -rf {} + 2>/dev/null || true
  rm -rf "$work"
  touch "$dest/Lib/.extras-complete"
  echo "fetch-stdlib: added ${EXTRAS[*]} from libpython3.14-stdlib $version" >&2
}

if [ -f "$dest/Lib/.complete" ]; then add_extras; exit 0; fi

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
add_extras
