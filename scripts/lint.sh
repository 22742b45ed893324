#!/usr/bin/env bash
# Checks eddy's C++ against .clang-format and .clang-tidy.
#   scripts/lint.sh [--build DIR]     clang-format --dry-run -Werror, then clang-tidy on every source
#                                     of src/, tests/unit/ and bench/ in DIR/compile_commands.json
#                                     (Default: build), two files at a time (-j "$EDDY_LINT_JOBS").
#   scripts/lint.sh --format-only     the clang-format check alone (a few seconds; ctest runs it when
#                                     configured with -DEDDY_FORMAT_CHECK=ON)
#   scripts/lint.sh --fix             rewrites the tree with clang-format -i (no clang-tidy fixes)
#   --tidy-only FOLDER_OR_FILE        clang-tidy alone, on the sources under one path (e.g. src/engine)
#   --changed [BASE]                  both checks on the C++ files changed since BASE (Default: main),
#                                     committed or not: the whole tree takes an hour on two busy cores
# The files are the C++ sources git knows of (tracked or new, not ignored: never node_modules or a
# build folder) under src, include, tests, bench and fuzz. Exits non-zero when a check finds anything.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=all
build=build
tidy_paths="(src|tests/unit|bench)/"
tidy_files=""  # a file of --tidy-only, or --changed's sources: the exact paths, as one alternation
while [ $# -gt 0 ]; do
  case "$1" in
    --format-only) mode=format ;;
    --fix) mode=fix ;;
    --tidy-only)
      mode=tidy
      if [ -f "$2" ]; then tidy_files="($2)"; else tidy_paths="$2"; fi
      shift ;;
    --changed)
      mode=changed
      if [ $# -gt 1 ] && [ "${2#--}" = "$2" ]; then base="$2"; shift; fi ;;
    --build) build="$2"; shift ;;
    *) echo "usage: scripts/lint.sh [--format-only | --fix | --tidy-only PATH | --changed [BASE]] [--build DIR]" >&2; exit 2 ;;
  esac
  shift
done
jobs="${EDDY_LINT_JOBS:-2}"
base="${base:-main}"

sources() {
  local roots=()
  for d in src include tests bench fuzz; do [ -d "$d" ] && roots+=("$d"); done
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z --cached --others --exclude-standard -- "${roots[@]}" | grep -zE '\.(cc|h)$' |
      while IFS= read -r -d '' f; do [ -f "$f" ] && printf '%s\0' "$f"; done
  else
    find "${roots[@]}" \( -name node_modules -o -name 'build*' \) -prune -o \
      \( -name '*.cc' -o -name '*.h' \) -type f -print0
  fi
}

# --changed: the sources changed since $base that still exist, as one alternation for run-clang-tidy.
if [ "$mode" = changed ]; then
  mapfile -t changed < <(git diff --name-only "$base" -- src include tests bench fuzz | grep -E '\.(cc|h)$' |
    while read -r f; do [ -f "$f" ] && echo "$f"; done)
  [ ${#changed[@]} -eq 0 ] && { echo "no C++ file changed since $base"; exit 0; }
  echo "clang-format: checking ${#changed[@]} changed files"
  clang-format --dry-run -Werror "${changed[@]}"
  sources_cc=$(printf '%s\n' "${changed[@]}" | grep -E '^(src|tests/unit|bench)/.*\.cc$' | paste -sd'|' || true)
  [ -z "$sources_cc" ] && { echo "clang-tidy: no changed source file"; exit 0; }
  tidy_files="($sources_cc)"
  mode=tidy
fi

if [ "$mode" = fix ]; then
  sources | xargs -0 -r clang-format -i
  exit 0
fi

if [ "$mode" != tidy ]; then
  echo "clang-format: checking against .clang-format"
  sources | xargs -0 -r -P "$jobs" -n 50 clang-format --dry-run -Werror
  echo "clang-format: clean"
  [ "$mode" = format ] && exit 0
fi

if [ ! -f "$build/compile_commands.json" ]; then
  echo "no $build/compile_commands.json: configure first (cmake -S . -B $build -G Ninja)" >&2
  exit 2
fi
root="$(pwd)"
echo "clang-tidy: checking against .clang-tidy ($jobs at a time)"
# tests/layering holds sources that must not build; they are left out.
# The log keeps the findings, not run-clang-tidy's echo of each command.
if [ -n "$tidy_files" ]; then tidy_regex="^$root/$tidy_files\$"; else tidy_regex="^$root/$tidy_paths.*\.cc\$"; fi
{ run-clang-tidy -quiet -p "$build" -j "$jobs" "$tidy_regex" 2>/dev/null || true; } |
  sed -E 's/\x1b\[[0-9;]*m//g' | grep -v -E '^(\S*clang-tidy(-[0-9]+)? |Suppressed |Use -header-filter|[0-9]+ warnings? generated)' |
  tee "$build/clang-tidy.log" || true
if grep -q -E '(warning|error):' "$build/clang-tidy.log"; then
  echo "clang-tidy: findings above (also in $build/clang-tidy.log)" >&2
  exit 1
fi
echo "clang-tidy: clean"
