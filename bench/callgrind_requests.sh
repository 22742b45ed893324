#!/usr/bin/env bash
# Instructions per request, counted by valgrind's callgrind: deterministic, so two builds compare on a
# machine whose other load makes requests/s and CPU time swing. eddy runs under callgrind (one worker
# thread, a new data folder); per workload, after a warm-up, the counters are zeroed, eddy_loadgen
# sends a fixed count of requests on one connection, and the counters are dumped.
#   bash bench/callgrind_requests.sh EDDY [OUT_DIR]
# Prints per workload the instructions per request (Ir / requests, the whole process: HTTP, parsing,
# the operation, RocksDB, its background threads) and keeps each dump in OUT_DIR (Default: a temporary
# folder, removed) for `callgrind_annotate --inclusive=yes OUT_DIR/callgrind.WORKLOAD`.
# Environment (defaults): PROFILE_WORKLOADS=get,put,put_stream,update,query, PROFILE_REQUESTS=2000,
# PROFILE_WARMUP=300, PROFILE_LOADGEN=build/bench/eddy_loadgen. Loopback only; a few minutes.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 EDDY [OUT_DIR]" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
eddy=$1
workloads=${PROFILE_WORKLOADS:-get,put,put_stream,update,query}
requests=${PROFILE_REQUESTS:-2000}
warmup=${PROFILE_WARMUP:-300}
loadgen=${PROFILE_LOADGEN:-$root/build/bench/eddy_loadgen}
work=$(mktemp -d /tmp/eddy-callgrind.XXXXXX)
out=${2:-$work/out}
mkdir -p "$out"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
port=$(free_port)
valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.start" --dump-instr=no \
  "$eddy" --port "$port" --data-dir "$work/data" --log-level warn --threads 1 >"$work/eddy.log" 2>&1 &
pid=$!
wait_for_port "$port" 60  # eddy starts slowly under valgrind
drive() {  # workload count
  "$loadgen" --port "$port" --connections 1 --seconds 600 --requests "$2" --workloads "$1" >/dev/null || true
}
"$loadgen" --port "$port" --items 1000 --seconds 60 --connections 1 --workloads load >/dev/null || true

printf 'workload\trequests\tinstructions/request\n'
for workload in ${workloads//,/ }; do
  drive "$workload" "$warmup"
  callgrind_control -z "$pid" >/dev/null 2>&1
  drive "$workload" "$requests"
  callgrind_control -d "$workload" "$pid" >/dev/null 2>&1
  dump=$(ls -t "$out"/callgrind.start.* 2>/dev/null | head -n1)
  mv "$dump" "$out/callgrind.$workload"
  total=$(awk '/^summary:/ {print $2}' "$out/callgrind.$workload")
  # eddy_loadgen's probe of the operation is one more request on its own connection.
  printf '%s\t%s\t%s\n' "$workload" "$((requests + 1))" "$((total / (requests + 1)))"
done
