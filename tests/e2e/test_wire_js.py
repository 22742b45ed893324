"""Runs tests/e2e/js/wire.test.mjs (the JavaScript SDK v3 signing for real against --credentials,
gzip request bodies, DescribeEndpoints) with node's test runner, against eddy processes of its own."""
import os
import pathlib
import shutil
import subprocess

import pytest

from conftest import eddy_bin

JS_DIR = pathlib.Path(__file__).resolve().parent / "js"

pytestmark = pytest.mark.eddy_only


def test_javascript_sdk_on_the_wire():
    assert shutil.which("node") and (JS_DIR / "node_modules" / "@aws-sdk").is_dir(), \
        "node and tests/e2e/js/node_modules are test dependencies (scripts/install-deps.sh)"
    env = dict(os.environ, EDDY_BIN=eddy_bin())
    env.pop("EDDY_ENDPOINT", None)
    result = subprocess.run(["node", "--test", "wire.test.mjs"], cwd=JS_DIR, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
