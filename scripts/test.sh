#!/usr/bin/env bash
# The whole test suite: what README's second command and CI (.ci/run) run.
# Fetches CPython's stdlib if missing (apt-get from Debian the first time), then runs every Rust test,
# which includes the Python-behaviour corpora under tests/ (expected outputs from CPython 3.14).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/fetch-stdlib.sh
cargo test --workspace --all-targets "$@"
# The whole program corpus, but for the programs that do not pass yet (tests/programs/known_failing.txt:
# keep that list short, and take a program off it as soon as it passes).
SKIP=tests/programs/known_failing.txt scripts/run-programs.sh
