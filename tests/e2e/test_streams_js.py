"""Runs the JavaScript SDK v3 tests (tests/e2e/js, node's built-in test runner) against the same
endpoint as this session (mode A) or against eddy processes of their own (mode B)."""
import os
import pathlib
import shutil
import subprocess

import pytest

from conftest import eddy_bin, mode_a

JS_DIR = pathlib.Path(__file__).resolve().parent / "js"


def test_javascript_sdk_streams_and_ttl(endpoint, on_dynamodb_local):
    if shutil.which("node") is None or not (JS_DIR / "node_modules" / "@aws-sdk").is_dir():
        pytest.skip("node or tests/e2e/js/node_modules missing (run scripts/install-deps.sh)")
    env = dict(os.environ)
    if mode_a():
        env["EDDY_ENDPOINT"] = endpoint
        env["EDDY_IS_EDDY"] = "0" if on_dynamodb_local else "1"
    else:
        env.pop("EDDY_ENDPOINT", None)
        env["EDDY_BIN"] = eddy_bin()
    result = subprocess.run(["node", "--test", "streams.test.mjs"], cwd=JS_DIR, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
