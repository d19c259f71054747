#!/usr/bin/env bash
# The whole test suite: what README's second command and CI (.ci/run) run.
# Fetches CPython's stdlib if missing (needs npm the first time), then runs every Rust test,
# which includes the Python-behaviour corpora under tests/ (expected outputs from CPython 3.14).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/fetch-stdlib.sh
cargo test --workspace --all-targets "$@"
# Program-corpus areas that pass completely under target/release/taipan (keep them passing).
scripts/run-programs.sh methods metaclasses set properties assert_stmt assignment augassign closures evaluation_order fstrings \
  global_stmt if_stmt lambdas loops scopes string_building syntax_errors sys_exit unpacking with \
  coroutines async_generators tstrings exception_groups gc weakref finalizers \
  complex bytes bytearray memoryview str_format bool numbers_mixed hash_eq heapq_module struct_seq \
  slots super descriptors stub_methods types_module stdlib_imports collections random object_model warnings int \
  re string_module io modules api_surface exceptions dict edge_cases annotations
