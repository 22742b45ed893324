#!/usr/bin/env bash
# How eddy's throughput grows with connections and with data size (docs/performance.md).
#   bash bench/scaling.sh            (after bench/run.sh has built build-bench; about 3 minutes)
# Environment: BENCH_BUILD=build-bench, BENCH_SECONDS=3, BENCH_SIZES="10000 100000 1000000",
# BENCH_EDDY_PORT=18781.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/${BENCH_BUILD:-build-bench}
seconds=${BENCH_SECONDS:-3}
port=${BENCH_EDDY_PORT:-18781}
sizes=${BENCH_SIZES:-10000 100000 1000000}
loadgen=$build/bench/eddy_loadgen
work=$(mktemp -d /tmp/eddy-scaling.XXXXXX)
eddy_pid=
trap '[ -n "$eddy_pid" ] && kill "$eddy_pid" 2>/dev/null; rm -rf "$work"' EXIT

start_eddy() {
  rm -rf "$work/data"
  "$build/eddy" --port "$port" --data-dir "$work/data" --log-level warn & eddy_pid=$!
  for _ in $(seq 1 200); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0; sleep 0.05; done
  return 1
}
stop_eddy() { kill "$eddy_pid"; wait "$eddy_pid" 2>/dev/null || true; eddy_pid=; }
run() { "$loadgen" --port "$port" --seconds "$seconds" "$@" || true; }

echo "== connections (100,000 items)"
start_eddy
run --items 100000 --workloads load --connections 16 >/dev/null
for c in 1 16 64 256; do
  run --items 100000 --connections "$c" --label "conn=$c" --workloads get,put,update
done
stop_eddy

echo "== data size (16 connections)"
for n in $sizes; do
  start_eddy
  run --items "$n" --connections 16 --label "items=$n" --workloads load,get,put,scan
  echo "items=$n data folder $(du -sk "$work/data" | awk '{printf "%.1f MB", $1/1024}')"
  stop_eddy
done
