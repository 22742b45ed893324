#!/usr/bin/env bash
# Installs the dependencies, builds eddy and starts it on 127.0.0.1:8000 with its data in ./eddy-data.
# Extra arguments go to eddy (e.g. --port 8001, --in-memory).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target eddy
# eddy listens on 127.0.0.1:8000 and keeps its data in ./eddy-data unless told otherwise.
exec ./build/eddy "$@"
