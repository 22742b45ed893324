"""Runs the JavaScript SDK v3 admin API tests (tests/e2e/js/admin.test.mjs) against an eddy of their own."""
import os
import pathlib
import shutil
import subprocess

import pytest

from conftest import eddy_bin

JS_DIR = pathlib.Path(__file__).resolve().parent / "js"


@pytest.mark.eddy_only
def test_javascript_sdk_retries_injected_throttles(eddy_server):
    if shutil.which("node") is None or not (JS_DIR / "node_modules" / "@aws-sdk").is_dir():
        pytest.skip("node or tests/e2e/js/node_modules missing (run scripts/install-deps.sh)")
    env = dict(os.environ, EDDY_BIN=eddy_bin())
    env.pop("EDDY_ENDPOINT", None)
    result = subprocess.run(["node", "--test", "admin.test.mjs"], cwd=JS_DIR, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
