"""Runs the JavaScript SDK v3 triggers test (tests/e2e/js/triggers.test.mjs): @aws-sdk/client-lambda
against eddy's Lambda API, with its own eddy and a Node HTTP server as the function."""
import os
import pathlib
import shutil
import subprocess

import pytest

from conftest import eddy_bin

JS_DIR = pathlib.Path(__file__).resolve().parent / "js"
pytestmark = pytest.mark.eddy_only


def test_javascript_sdk_lambda_client():
    if shutil.which("node") is None or not (JS_DIR / "node_modules" / "@aws-sdk" / "client-lambda").is_dir():
        pytest.skip("node or tests/e2e/js/node_modules missing (run scripts/install-deps.sh)")
    env = dict(os.environ, EDDY_BIN=eddy_bin())
    env.pop("EDDY_ENDPOINT", None)
    result = subprocess.run(["node", "--test", "triggers.test.mjs"], cwd=JS_DIR, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
