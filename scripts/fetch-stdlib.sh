#!/usr/bin/env bash
# fetch-stdlib.sh — make CPython 3.14's pure-Python standard library available to Taipan.
#
# The stdlib is a dependency, never part of the repository: it is CPython 3.14's own `Lib` as
# Debian packages it (`libpython3.14-minimal`, `libpython3.14-stdlib`, `python3.14-venv`: the same
# files the oracle `../shared/tools/cpython3.14` runs on), fetched with apt-get from the unstable
# suite of the Debian archive this machine's apt already uses (so no host is named here), into a
# private apt state; the system's apt configuration is not touched. The packages' `Lib` is
# unpacked into .stdlib/Lib (git-ignored) without the C extension modules (`lib-dynload`) and
# without Debian's `EXTERNALLY-MANAGED` marker (Taipan's installs are not Debian's). Any 3.14.x
# is accepted; the version is recorded in .stdlib/Lib/.complete. Idempotent: a second run does
# nothing. Needs apt-get and dpkg-deb.
#
# Set TAIPAN_STDLIB=/path/to/Lib to use another CPython 3.14 Lib instead; this script then only
# checks that the folder exists.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PACKAGES=(libpython3.14-minimal libpython3.14-stdlib python3.14-venv)
dest="$root/.stdlib"

if [ -n "${TAIPAN_STDLIB:-}" ]; then
  [ -f "$TAIPAN_STDLIB/os.py" ] || { echo "fetch-stdlib: TAIPAN_STDLIB=$TAIPAN_STDLIB has no os.py" >&2; exit 1; }
  exit 0
fi
# A Lib from these packages says so in its marker (an older checkout's Lib came from elsewhere).
if grep -qs "^debian ${PACKAGES[*]} 3\.14\." "$dest/Lib/.complete"; then exit 0; fi

fail() {
  echo "fetch-stdlib: cannot fetch CPython 3.14's standard library: $*" >&2
  echo "  It comes from Debian's ${PACKAGES[*]} packages (unstable suite) through apt-get;" >&2
  echo "  or set TAIPAN_STDLIB to a CPython 3.14 Lib folder." >&2
  exit 1
}

# The Debian archive apt is configured with (its main suite's URI).
debian_uri() {
  { grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{for (i = 2; i <= NF; i++) print $i}'
    grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | sed 's/\[[^]]*\]//' | awk '{print $2}'
  } | grep -E '/debian/?$' | head -n 1
}

command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null || fail "apt-get and dpkg-deb are needed"
uri=$(debian_uri || true); [ -n "$uri" ] || fail "no Debian archive in this machine's apt sources"
mkdir -p "$dest"
work="$(mktemp -d "$dest/fetch.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/debs" "$work/root"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri sid main" > "$work/sources.list"
opt=(-o Dir::Etc::sourcelist="$work/sources.list" -o Dir::Etc::sourceparts=- -o Dir::State::Lists="$work/lists"
     -o Dir::Cache="$work/cache" -o APT::Sandbox::User=root -o Debug::NoLocking=1)
echo "fetch-stdlib: fetching ${PACKAGES[*]} from Debian's unstable suite ..." >&2
apt-get "${opt[@]}" -qq update >/dev/null 2>&1 || fail "apt-get update of the unstable suite failed"
(cd "$work/debs" && apt-get "${opt[@]}" -qq download "${PACKAGES[@]}" >/dev/null 2>&1) \
  || fail "apt-get download ${PACKAGES[*]} failed"
versions=()
for pkg in "${PACKAGES[@]}"; do
  deb=$(ls "$work"/debs/"${pkg}"_*.deb 2>/dev/null | head -n 1)
  version=$(dpkg-deb -f "$deb" Version 2>/dev/null || true)
  [[ "$version" =~ ^3\.14\. ]] || fail "unexpected $pkg version '$version' (want 3.14.x)"
  versions+=("$version")
  dpkg-deb -x "$deb" "$work/root"
done
[ "$(printf '%s\n' "${versions[@]}" | sort -u | wc -l)" = 1 ] || fail "packages of different versions: ${versions[*]}"
lib="$work/root/usr/lib/python3.14"
[ -f "$lib/os.py" ] && [ -f "$lib/_pydecimal.py" ] && [ -d "$lib/venv" ] || fail "the packages hold no complete Lib"
rm -rf "$lib/lib-dynload" "$lib/EXTERNALLY-MANAGED"
# Links into the system's /etc (Debian's `sitecustomize.py`) point nowhere here.
find "$lib" -xtype l -delete
find "$lib" -name __pycache__ -prune -exec rm -rf {} +
echo "debian ${PACKAGES[*]} ${versions[0]}" > "$lib/.complete"
rm -rf "$dest/Lib.old"
[ -e "$dest/Lib" ] && mv "$dest/Lib" "$dest/Lib.old"
mv "$lib" "$dest/Lib"
rm -rf "$dest/Lib.old"
echo "fetch-stdlib: CPython ${versions[0]} Lib unpacked into $dest/Lib" >&2
