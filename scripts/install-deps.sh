#!/usr/bin/env bash
# Installs everything eddy builds and tests with, from Debian 12's archive and (for the JavaScript
# SDK tests and the client matrix) the npm registry. Safe to run again.
set -euo pipefail
packages=(
  build-essential cmake ninja-build clang-format clang-tidy  # clang-*: scripts/lint.sh
  libboost1.81-all-dev rapidjson-dev librocksdb-dev libspdlog-dev libgtest-dev
  libssl-dev zlib1g-dev libexpected-dev
  libzstd-dev zstd  # export/import: ZSTD data files (libzstd.a is linked); the zstd tool makes test files
  libyaml-cpp-dev  # --init reads CloudFormation and SAM templates in YAML (the package ships libyaml-cpp.a)
  python3-boto3 python3-pytest awscli curl
  openssl chromium  # the TLS tests make a certificate; the CORS tests and the client matrix drive a headless browser
  clang libclang-rt-14-dev libfuzzer-14-dev  # scripts/fuzz.sh: the fuzz targets with libFuzzer, ASan and UBSan
)
# Node.js and npm for the JavaScript SDK tests: Debian's, unless the machine already has them.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi
# The JavaScript SDK v3 for the end-to-end tests (tests/e2e/js), from the npm registry.
if [ -f tests/e2e/js/package.json ] && [ ! -d tests/e2e/js/node_modules ]; then
  (cd tests/e2e/js && npm install --no-audit --no-fund --silent)
fi
# The client matrix (tests/e2e/clients): the exact versions of its package-lock.json, installed
# again whenever the lock file is newer than what node_modules holds.
clients=tests/e2e/clients
if [ -f $clients/package-lock.json ] && [ ! $clients/node_modules/.package-lock.json -nt $clients/package-lock.json ]; then
  (cd $clients && npm ci --no-audit --no-fund --silent)
fi
