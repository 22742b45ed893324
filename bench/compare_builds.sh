#!/usr/bin/env bash
# Two builds of eddy side by side on the same machine, in alternating rounds (so that whatever else the
# machine is doing falls on both alike): per workload the median requests/s, p50/p99 latency and eddy's CPU
# time per request (user + system, from /proc), which varies far less than throughput on a shared machine.
#   bash bench/compare_builds.sh OLD_EDDY NEW_EDDY
# Each round starts every build twice, on a new data folder: once with eddy's defaults ("default") and
# once with --sync-writes and 16 worker threads ("sync16": writes wait on fsync, so anything that
# serialises them shows). Environment (defaults): COMPARE_ROUNDS=5, COMPARE_SECONDS=3 per workload,
# COMPARE_WORKLOADS=put,put_stream,put_stream_two_tables, COMPARE_CONNECTIONS=16,
# COMPARE_LOADGEN=build/bench/eddy_loadgen. Loopback only; about 6 minutes with the defaults.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 OLD_EDDY NEW_EDDY" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
builds=("$1" "$2")
rounds=${COMPARE_ROUNDS:-5}
seconds=${COMPARE_SECONDS:-3}
workloads=${COMPARE_WORKLOADS:-put,put_stream,put_stream_two_tables}
connections=${COMPARE_CONNECTIONS:-16}
loadgen=${COMPARE_LOADGEN:-$root/build/bench/eddy_loadgen}
work=$(mktemp -d /tmp/eddy-compare.XXXXXX)
results=$work/results.tsv
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

for round in $(seq 1 "$rounds"); do
  for config in default sync16; do
    for b in 0 1; do
      port=$(free_port)
      flags=(--port "$port" --data-dir "$work/data" --log-level warn)
      [ "$config" = sync16 ] && flags+=(--sync-writes --threads 16)
      "${builds[$b]}" "${flags[@]}" & pid=$!
      wait_for_port "$port" 10
      "$loadgen" --port "$port" --items 1000 --seconds 1 --connections "$connections" --workloads load >/dev/null || true
      for workload in ${workloads//,/ }; do
        before=$(cpu_ticks "$pid")
        rm -f "$work/one.tsv"
        "$loadgen" --port "$port" --seconds "$seconds" --connections "$connections" --workloads "$workload" \
          --results "$work/one.tsv" >/dev/null || true
        after=$(cpu_ticks "$pid")
        printf '%s\t%s\t%s\t%s\n' "$b" "$config" "$(tail -n1 "$work/one.tsv")" "$((after - before))" >>"$results"
      done
      kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
      rm -rf "$work/data"
    done
  done
done

/usr/bin/python3 - "$results" "$seconds" "${builds[@]}" <<'PY'
import collections, statistics, sys
results, seconds, old, new = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
runs = collections.defaultdict(list)
for line in open(results):
    f = line.rstrip("\n").split("\t")
    build, config, workload, rate, p50, p99, errors, ticks = f[0], f[1], f[3], float(f[5]), float(f[7]), float(f[8]), int(f[9]), int(f[-1])
    if rate > 0:
        runs[(workload, config, build)].append((rate, p50, p99, errors, ticks / 100 / (rate * seconds) * 1e6))
print(f"old: {old}\nnew: {new}")
print("workload\tconfig\tbuild\treq/s\tp50 ms\tp99 ms\tCPU us/req\terrors\truns (req/s)")
for (workload, config, build), values in sorted(runs.items()):
    median = lambda i: statistics.median(v[i] for v in values)
    print(f"{workload}\t{config}\t{'old' if build == '0' else 'new'}\t{median(0):.0f}\t{median(1):.2f}\t{median(2):.2f}\t"
          f"{median(4):.0f}\t{sum(v[3] for v in values)}\t{[round(v[0]) for v in values]}")
PY
