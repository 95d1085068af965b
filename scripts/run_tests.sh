#!/usr/bin/env bash
# Sets up a Debian 12 machine (packages), builds icbsim and runs the whole test suite.
#   scripts/run_tests.sh             optimised build, warnings as errors
#   scripts/run_tests.sh --sanitize  debug build under AddressSanitizer + UndefinedBehaviorSanitizer
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

preset=release
if [ "${1:-}" = "--sanitize" ]; then
  preset=asan
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
ctest --preset "$preset"
