#!/usr/bin/env bash
# The benchmark suite, side by side: builds eddy (Release), eddy_loadgen and eddy_fixed_server, then runs
# the same workloads against the fixed-response server, eddy (default persistent storage in a temp
# folder) and DynamoDB Local (in memory), and prints the ratios. Loopback only; about 6-8 minutes.
#   bash bench/run.sh
# Environment (defaults): BENCH_SECONDS=3 per workload, BENCH_CONNECTIONS=16, BENCH_ITEMS=100000,
# BENCH_LOCAL_ITEMS=100000 (DynamoDB Local's preload), BENCH_STREAM_RECORDS=50000, BENCH_BUILD=build-bench,
# BENCH_SKIP_LOCAL=1 to leave DynamoDB Local out, BENCH_SKIP_DYNOXIDE=1 to leave Dynoxide out (bench/dynoxide.sh
# installs its prebuilt binary from npm), BENCH_SUSTAINED=N to run eddy's workloads N more times back to
# back on the same server after the first pass (labelled eddy_sustained: the last pass, after every write
# of the earlier ones, as a long test suite uses one server), ports BENCH_EDDY_PORT=18778,
# BENCH_LOCAL_PORT=18780, BENCH_FIXED_PORT=18779, BENCH_DYNOXIDE_PORT=18781.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/${BENCH_BUILD:-build-bench}
seconds=${BENCH_SECONDS:-3}
connections=${BENCH_CONNECTIONS:-16}
items=${BENCH_ITEMS:-100000}
local_items=${BENCH_LOCAL_ITEMS:-$items}
records=${BENCH_STREAM_RECORDS:-50000}
eddy_port=${BENCH_EDDY_PORT:-18778}
local_port=${BENCH_LOCAL_PORT:-18780}
fixed_port=${BENCH_FIXED_PORT:-18779}
dynoxide_port=${BENCH_DYNOXIDE_PORT:-18781}
sustained=${BENCH_SUSTAINED:-0}
oracle="$root/bench/dynamodb-local.sh"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target eddy eddy_loadgen eddy_fixed_server -j2 | tail -n1
loadgen=$build/bench/eddy_loadgen

work=$(mktemp -d /tmp/eddy-bench.XXXXXX)
results=$work/results.tsv
metrics=$work/metrics.tsv
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work/eddy-data" "$work"/cold-*
}
trap cleanup EXIT

# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"  # wait_for_port
port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$eddy_port" "$local_port" "$fixed_port" "$dynoxide_port"; do
  port_is_free "$port" || { echo "port $port is in use: set BENCH_*_PORT (see the top of this file)" >&2; exit 1; }
done
memory_kb() { awk -v f="$2:" '$1 == f {print $2}' "/proc/$1/status" 2>/dev/null || true; }
metric() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$metrics"; }
suite() {  # LABEL PORT ITEMS WORKLOADS
  "$loadgen" --label "$1" --port "$2" --items "$3" --stream-records "$records" --seconds "$seconds" \
    --connections "$connections" --workloads "$4" --results "$results" || true
}
all_but_load=put,put_stream,put_stream_two_tables,get,update,query,scan,batch,transact,getrecords,stream_latency

echo "== cold start and idle memory (median of 5 starts)"
for i in 1 2 3 4 5; do
  "$loadgen" cold-start --port "$eddy_port" --idle-seconds 1 -- "$build/eddy" --port "$eddy_port" \
    --data-dir "$work/cold-$i" --log-level warn
done | sort -n -k2 | sed -n 3p | tee "$work/cold.txt"
metric eddy cold_start_ms "$(awk '{print $2}' "$work/cold.txt")"
metric eddy idle_rss_mb "$(awk '{printf "%.1f", $4/1024}' "$work/cold.txt")"

for i in 1 2 3 4 5; do
  "$loadgen" cold-start --port "$fixed_port" --idle-seconds 1 -- "$build/bench/eddy_fixed_server" "$fixed_port" | grep cold
done | sort -n -k2 | sed -n 3p | tee "$work/cold-fixed.txt"
metric fixed cold_start_ms "$(awk '{print $2}' "$work/cold-fixed.txt")"
metric fixed idle_rss_mb "$(awk '{printf "%.1f", $4/1024}' "$work/cold-fixed.txt")"

echo "== fixed-response server"
"$build/bench/eddy_fixed_server" "$fixed_port" >/dev/null & pids+=($!)
wait_for_port "$fixed_port"
suite fixed "$fixed_port" "$items" put,get,update,query,scan,batch,transact
kill "${pids[-1]}"

echo "== eddy (persistent storage in $work/eddy-data)"
"$build/eddy" --port "$eddy_port" --data-dir "$work/eddy-data" --log-level warn & eddy_pid=$!; pids+=($eddy_pid)
wait_for_port "$eddy_port"
suite eddy "$eddy_port" "$items" load
metric eddy data_dir_mb_after_items "$(du -sk "$work/eddy-data" | awk '{printf "%.1f", $1/1024}')"
suite eddy "$eddy_port" "$items" "$all_but_load"
metric eddy peak_rss_mb "$(memory_kb "$eddy_pid" VmHWM | awk '{printf "%.1f", $1/1024}')"
for round in $(seq 1 "$sustained"); do
  echo "== eddy, sustained: pass $((round + 1)) on the same server"
  label=eddy_pass$((round + 1)); [ "$round" = "$sustained" ] && label=eddy_sustained
  suite "$label" "$eddy_port" "$items" load
  suite "$label" "$eddy_port" "$items" "$all_but_load"
done
if [ "$sustained" -gt 0 ]; then
  metric eddy_sustained peak_rss_mb "$(memory_kb "$eddy_pid" VmHWM | awk '{printf "%.1f", $1/1024}')"
  metric eddy_sustained data_dir_mb "$(du -sk "$work/eddy-data" | awk '{printf "%.1f", $1/1024}')"
fi
kill "$eddy_pid"

if [ -z "${BENCH_SKIP_DYNOXIDE:-}" ]; then
  echo "== Dynoxide (in memory)"
  if dynoxide_bin=$(bash "$root/bench/dynoxide.sh" binary) && [ -n "$dynoxide_bin" ]; then
    "$loadgen" cold-start --port "$dynoxide_port" --idle-seconds 1 -- "$dynoxide_bin" --host 127.0.0.1 \
      --port "$dynoxide_port" | grep cold_start | tee "$work/cold-dynoxide.txt" || true
    metric dynoxide cold_start_ms "$(awk '{print $2}' "$work/cold-dynoxide.txt")"
    metric dynoxide idle_rss_mb "$(awk '{printf "%.1f", $4/1024}' "$work/cold-dynoxide.txt")"
    dynoxide_pid=$(bash "$root/bench/dynoxide.sh" start "$dynoxide_port"); pids+=($dynoxide_pid)
    suite dynoxide "$dynoxide_port" "$local_items" load
    suite dynoxide "$dynoxide_port" "$local_items" "$all_but_load"
    metric dynoxide peak_rss_mb "$(memory_kb "$dynoxide_pid" VmHWM | awk '{printf "%.1f", $1/1024}')"
    kill "$dynoxide_pid"
  else
    echo "Dynoxide could not be installed (npm registry unreachable?): left out" >&2
  fi
fi

if [ -z "${BENCH_SKIP_LOCAL:-}" ]; then
  echo "== DynamoDB Local (in memory)"
  home=${DDB_LOCAL_HOME:-$HOME/.cache/dynamodb-local}
  "$loadgen" cold-start --port "$local_port" --idle-seconds 1 -- bash -c "cd '$home' && exec java \
    -Djava.library.path=./DynamoDBLocal_lib -jar DynamoDBLocal.jar -port $local_port -inMemory -sharedDb \
    -disableTelemetry" | grep cold_start | tee "$work/cold-local.txt" || true
  metric local cold_start_ms "$(awk '{print $2}' "$work/cold-local.txt")"
  metric local idle_rss_mb "$(awk '{printf "%.1f", $4/1024}' "$work/cold-local.txt")"
  local_pid=$(bash "$oracle" start "$local_port"); pids+=($local_pid)
  sleep 1
  kill -0 "$local_pid" || { echo "DynamoDB Local exited (port $local_port taken?)" >&2; exit 1; }
  suite local "$local_port" "$local_items" load
  suite local "$local_port" "$local_items" "$all_but_load"
  metric local peak_rss_mb "$(memory_kb "$local_pid" VmHWM | awk '{printf "%.1f", $1/1024}')"
  kill "$local_pid"
fi

echo
/usr/bin/python3 "$root/bench/compare.py" "$results" "$metrics"
echo "raw results: $results $metrics"
