#!/usr/bin/env bash
# Installs the dependencies, builds everything and runs the whole test suite (unit and end-to-end)
# under ctest. With --sanitize, the same suite runs on a build with AddressSanitizer and
# UndefinedBehaviorSanitizer (in build-asan/). Other arguments go to ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build
cmake_args=(-DCMAKE_BUILD_TYPE=Release)
if [ "${1:-}" = "--sanitize" ]; then
  shift
  build=build-asan
  cmake_args=(-DCMAKE_BUILD_TYPE=Debug -DEDDY_SANITIZE=ON)
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
bash scripts/install-deps.sh
cmake -S . -B "$build" -G Ninja "${cmake_args[@]}" >/dev/null
cmake --build "$build"
ctest --test-dir "$build" --output-on-failure -j2 "$@"
