#!/usr/bin/env bash
# Compile-speed benchmark: parse and compile the whole stdlib with Taipan and with CPython 3.14's
# `compile()`, and print the ratio (see parse_stdlib.sh).   benches/compile_stdlib.sh [ROUNDS]
exec "$(dirname "${BASH_SOURCE[0]}")/parse_stdlib.sh" --compile "$@"
