#!/usr/bin/env bash
# Builds eddy's fuzz targets (fuzz/, docs/reliability.md) with clang, libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer in build-fuzz/, then runs each target for SECONDS (default 60), one
# after the other, starting from its committed corpus (fuzz/corpus/<target>/) with its dictionary
# (fuzz/dict/). New inputs go to build-fuzz/fuzz-work/<target>/, never into the committed corpus; a
# crash, a sanitizer report or a failed property leaves its input in build-fuzz/fuzz-crashes/<target>/
# and makes the script exit 1 after the other targets have run.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]     e.g. scripts/fuzz.sh 300 dispatcher expr_update
# Environment: JOBS (build parallelism, default 2), EDDY_FUZZ_BUILD (build folder),
# EDDY_FUZZ_NO_BUILD=1 (run what build-fuzz/ holds, without building first).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-60}"
[ $# -gt 0 ] && shift
build="${EDDY_FUZZ_BUILD:-$root/build-fuzz}"

# -O1 with line tables only: what libFuzzer's documentation suggests, and half the compile time of
# -O2 -g for the sanitized tree; the reports still name file and line.
[ -n "${EDDY_FUZZ_NO_BUILD:-}" ] || CXX=clang++ CC=clang cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
  -DEDDY_FUZZ=ON >/dev/null
[ -n "${EDDY_FUZZ_NO_BUILD:-}" ] || cmake --build "$build" -j"${JOBS:-2}" --target fuzz_targets

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for corpus in "$root"/fuzz/corpus/*/; do targets+=("$(basename "$corpus")"); done
fi

# Leaks are reported too; aborting on any report keeps the input as a crash. fuzz/ubsan.supp lists
# the reports from outside eddy that are not crashes.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
# LeakSanitizer stops the process's threads with ptrace; where ptrace is refused (some containers) it
# cannot run at all and every target would fail at exit. There leaks go unchecked, and it says so.
probe="$build/fuzz/fuzz_${targets[0]}"
if [[ "$ASAN_OPTIONS" == *detect_leaks=1* ]] && [ -x "$probe" ]; then
  probe_output=$("$probe" -runs=1 2>&1 || true)
  if grep -q "LeakSanitizer has encountered a fatal error" <<<"$probe_output"; then
    echo "LeakSanitizer cannot run on this machine (ptrace refused): leaks are not checked" >&2
    ASAN_OPTIONS="${ASAN_OPTIONS//detect_leaks=1/detect_leaks=0}"
  fi
fi
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$root/fuzz/ubsan.supp}"
failed=()
printf '%-22s %8s %12s %10s %s\n' target seconds executions "exec/s" result
for target in "${targets[@]}"; do
  fuzzer="$build/fuzz/fuzz_$target"
  [ -x "$fuzzer" ] || { echo "no fuzz target $target" >&2; exit 2; }
  dict="$root/fuzz/dict/$target.dict"
  [ -f "$dict" ] || dict="$root/fuzz/dict/${target%%_*}.dict"  # expr_* share expr.dict
  work="$build/fuzz-work/$target"
  crashes="$build/fuzz-crashes/$target"
  log="$build/fuzz-logs/$target.log"
  mkdir -p "$work" "$crashes" "$(dirname "$log")"
  args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1
        -artifact_prefix="$crashes/")
  [ -f "$dict" ] && args+=(-dict="$dict")
  result=ok
  "$fuzzer" "${args[@]}" "$work" "$root/fuzz/corpus/$target" >"$log" 2>&1 || result="FAILED (see $log)"
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  printf '%-22s %8s %12s %10s %s\n' "$target" "$seconds" "${executions:-?}" "${rate:-?}" "$result"
  if [ "$result" != ok ]; then
    failed+=("$target")
    tail -n 40 "$log" >&2  # the report, where CI shows it
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed: ${failed[*]}; inputs in $build/fuzz-crashes/" >&2
  exit 1
fi
