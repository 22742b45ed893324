#!/usr/bin/env bash
# The kill -9 soak (docs/reliability.md):
#   scripts/soak.sh [CYCLES] [--seconds-per-cycle S] [--clients N] [--seed N] [--max-seconds S] [--eddy PATH] [--keep]
# Runs build/eddy unless --eddy names another binary; exits 1 when an invariant fails, after printing
# what differs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec /usr/bin/python3 "$here/soak.py" "$@"
