#!/usr/bin/env bash
# Dynoxide (a native DynamoDB emulator in Rust over SQLite), to compare eddy with side by side. Its
# prebuilt binary comes from the npm package @dynoxide/linux-x64; it runs in memory.
#   bench/dynoxide.sh install        # once, into $DYNOXIDE_HOME (default ~/.cache/dynoxide)
#   bench/dynoxide.sh start [PORT]   # prints the PID once it answers (default port 8766)
#   bench/dynoxide.sh binary         # prints the binary's path (installing it first)
set -euo pipefail
home=${DYNOXIDE_HOME:-$HOME/.cache/dynoxide}
binary() { find "$home" -type f -name dynoxide -perm -u+x 2>/dev/null | head -n1; }
case "${1:-}" in
  install)
    if [ -z "$(binary)" ]; then
      tmp=$(mktemp -d)
      (cd "$tmp" && npm pack @dynoxide/linux-x64 >/dev/null 2>&1 && tar xzf dynoxide-linux-x64-*.tgz)
      mkdir -p "$home" && cp -r "$tmp"/package/. "$home"/ && rm -rf "$tmp"
      find "$home" -type f -name dynoxide -exec chmod +x {} \;
    fi ;;
  binary)
    [ -n "$(binary)" ] || "$0" install >&2
    binary ;;
  start)
    port=${2:-8766}
    [ -n "$(binary)" ] || "$0" install
    "$(binary)" --host 127.0.0.1 --port "$port" >"$home/server-$port.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 400); do
      curl -s -o /dev/null "http://127.0.0.1:$port/" && { echo "$pid"; exit 0; }
      sleep 0.05
    done
    echo "Dynoxide did not answer on port $port (log: $home/server-$port.log)" >&2; kill "$pid"; exit 1 ;;
  *) sed -n '2,6p' "$0"; exit 2 ;;
esac
