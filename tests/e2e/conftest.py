"""Fixtures of eddy's end-to-end suite.

Mode A: EDDY_ENDPOINT=http://host:port points the suite at a running server; nothing is started and
tests marked eddy_only (they start their own eddy processes) are skipped.
Mode B (default): the eddy binary (EDDY_BIN, default <repo>/build/eddy) is started once per session on
a free port with a temporary data folder, and stopped with SIGTERM at the end (it must exit 0).
"""
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import time
import urllib.parse
import uuid

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from e2e_helpers import raw_request, target

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 10
STOP_TIMEOUT_S = 10


def mode_a():
    return bool(os.environ.get("EDDY_ENDPOINT"))


def eddy_bin():
    return os.environ.get("EDDY_BIN", str(REPO_ROOT / "build" / "eddy"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_client(endpoint, region="us-east-1", key="AKIDEXAMPLE", secret="secret"):
    return boto3.client("dynamodb", endpoint_url=endpoint, region_name=region,
                        aws_access_key_id=key, aws_secret_access_key=secret,
                        config=Config(retries={"max_attempts": 1}, connect_timeout=10, read_timeout=60))


def wait_until_ready(endpoint, proc=None, timeout=START_TIMEOUT_S):
    """Polls a TCP connect and then a ListTables call; returns None or the reason it never answered."""
    url = urllib.parse.urlparse(endpoint)
    deadline = time.monotonic() + timeout
    last = "no answer"
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            return f"exited with status {proc.returncode}"
        try:
            with socket.create_connection((url.hostname, url.port), timeout=1):
                pass
            resp = raw_request(endpoint, "ListTables", {})
            if resp.status == 200:
                return None
            last = f"ListTables answered {resp!r}"
        except OSError as e:
            last = str(e)
        time.sleep(0.05)
    return f"not ready after {timeout} s: {last}"


class EddyProcess:
    """One eddy process started by the suite; its output goes to a log file."""

    def __init__(self, args, log_path, endpoint=None, cwd=None):
        self.args = list(args)
        self.log_path = log_path
        self.endpoint = endpoint
        self._log = open(log_path, "wb")
        self.proc = subprocess.Popen(self.args, stdout=self._log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, cwd=cwd)
        self.pid = self.proc.pid

    def output(self):
        self._log.flush()
        return pathlib.Path(self.log_path).read_text(errors="replace")

    def wait_ready(self, timeout=START_TIMEOUT_S):
        problem = wait_until_ready(self.endpoint, self.proc, timeout)
        assert problem is None, f"eddy {self.args} {problem}; output:\n{self.output()}"
        return self

    def wait(self, timeout=STOP_TIMEOUT_S):
        """Exit status, or raises subprocess.TimeoutExpired."""
        return self.proc.wait(timeout=timeout)

    def stop(self, sig=signal.SIGTERM, timeout=STOP_TIMEOUT_S):
        """Sends sig and returns the exit status (killing with SIGKILL if it does not exit in time)."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError(f"eddy did not exit within {timeout} s of signal {sig}")
        finally:
            self._log.close()

    def kill9(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self._log.close()
        return self.proc.returncode


class EddyFactory:
    """Starts separate eddy processes for tests about flags, restarts and signals."""

    def __init__(self, workdir):
        self.workdir = pathlib.Path(workdir)
        self.started = []
        self.count = 0

    def new_dir(self, name="data"):
        self.count += 1
        return self.workdir / f"{name}{self.count}"

    def __call__(self, extra_args=(), data_dir=None, in_memory=False, port=None, raw_args=None,
                 wait=True, cwd=None):
        """Starts `eddy --host 127.0.0.1 --port P (--data-dir D | --in-memory) extra_args`, or
        `eddy raw_args` when raw_args is given (the caller then names every flag, port included)."""
        port = port or free_port()
        if raw_args is not None:
            args = [eddy_bin()] + list(raw_args)
        else:
            args = [eddy_bin(), "--host", "127.0.0.1", "--port", str(port)]
            if in_memory:
                args.append("--in-memory")
            else:
                data_dir = data_dir or self.new_dir()
                args += ["--data-dir", str(data_dir)]
            args += list(extra_args)
        self.count += 1
        server = EddyProcess(args, self.workdir / f"eddy{self.count}.log",
                             endpoint=f"http://127.0.0.1:{port}", cwd=cwd)
        server.port = port
        server.data_dir = data_dir
        self.started.append(server)
        if wait:
            server.wait_ready()
        return server

    def run(self, args, timeout=10, cwd=None):
        """Runs eddy to completion (help, version, refused starts): CompletedProcess, output merged."""
        return subprocess.run([eddy_bin()] + list(args), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              stdin=subprocess.DEVNULL, timeout=timeout, text=True, cwd=cwd)

    def cleanup(self):
        for server in self.started:
            if server.proc.poll() is None:
                server.kill9()


def pytest_collection_modifyitems(config, items):
    if not mode_a():
        return
    skip = pytest.mark.skip(reason="eddy_only: needs its own eddy process (EDDY_ENDPOINT is set)")
    for item in items:
        if "eddy_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def endpoint(tmp_path_factory):
    if mode_a():
        url = os.environ["EDDY_ENDPOINT"].rstrip("/")
        problem = wait_until_ready(url)
        assert problem is None, f"{url}: {problem}"
        _identify(url)
        yield url
        return
    binary = eddy_bin()
    assert os.access(binary, os.X_OK), f"eddy binary not found at {binary} (set EDDY_BIN or EDDY_ENDPOINT)"
    workdir = tmp_path_factory.mktemp("eddy-session")
    port = free_port()
    server = EddyProcess([binary, "--host", "127.0.0.1", "--port", str(port), "--data-dir",
                          str(workdir / "data")], workdir / "eddy.log", endpoint=f"http://127.0.0.1:{port}")
    try:
        server.wait_ready()
    except AssertionError:
        server.kill9()
        raise
    _identify(server.endpoint)
    yield server.endpoint
    status = server.stop(signal.SIGTERM)
    assert status == 0, f"eddy exited with {status} after SIGTERM; output:\n{server.output()}"


def _identify(url):
    target.endpoint = url
    resp = raw_request(url, "ListTables", {})
    # DynamoDB Local answers from Jetty; its differing error texts are then expected (see assert_error).
    target.is_dynamodb_local = "jetty" in resp.headers.get("server", "").lower()


@pytest.fixture(scope="session")
def on_dynamodb_local(endpoint):
    return target.is_dynamodb_local


@pytest.fixture(scope="session")
def ddb(endpoint):
    return make_client(endpoint)


@pytest.fixture(scope="session")
def client_factory(endpoint):
    """make(region=..., key=..., secret=...) -> another boto3 client on the same endpoint."""
    return lambda **kw: make_client(endpoint, **kw)


@pytest.fixture(scope="session")
def raw(endpoint):
    def call(target_name, body, headers=None, **kw):
        return raw_request(endpoint, target_name, body, headers, **kw)
    return call


def unique_table_name():
    return f"t_{uuid.uuid4().hex[:8]}"


def _attr(spec):
    name, _, kind = spec.partition(":")
    return name, kind or "S"


@pytest.fixture
def make_table(ddb, raw):
    """make_table("pk:S", "sk:N", **create_table_args) -> table name; the table is deleted at teardown.

    Billing defaults to PAY_PER_REQUEST, or PROVISIONED when ProvisionedThroughput is given.
    """
    created = []

    def make(hash_key="pk:S", range_key=None, name=None, **kwargs):
        name = name or unique_table_name()
        keys = [(_attr(hash_key), "HASH")] + ([(_attr(range_key), "RANGE")] if range_key else [])
        body = {"TableName": name,
                "KeySchema": [{"AttributeName": n, "KeyType": kt} for (n, _), kt in keys],
                "AttributeDefinitions": [{"AttributeName": n, "AttributeType": t} for (n, t), _ in keys]}
        body["BillingMode"] = "PROVISIONED" if "ProvisionedThroughput" in kwargs else "PAY_PER_REQUEST"
        body.update(kwargs)
        # raw() rather than boto3: Debian's botocore predates DeletionProtectionEnabled.
        resp = raw("CreateTable", body)
        assert resp.status == 200, f"CreateTable {name}: {resp!r}"
        created.append(name)
        make.last_description = resp.json["TableDescription"]
        return name

    yield make
    for name in created:
        raw("UpdateTable", {"TableName": name, "DeletionProtectionEnabled": False})
        try:
            ddb.delete_table(TableName=name)
        except ClientError as e:
            if e.response["Error"]["Code"] != "ResourceNotFoundException":
                raise


@pytest.fixture
def eddy_server(tmp_path):
    if mode_a():
        pytest.skip("eddy_server starts its own eddy; not available with EDDY_ENDPOINT")
    factory = EddyFactory(tmp_path)
    yield factory
    factory.cleanup()


@pytest.fixture
def aws_cli_env(endpoint, tmp_path):
    """Environment for running the AWS CLI against the endpoint (skips when `aws` is not installed)."""
    if shutil.which("aws") is None:
        pytest.skip("the AWS CLI (aws) is not on PATH")
    env = dict(os.environ)
    env.update({"AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret",
                "AWS_DEFAULT_REGION": "us-east-1", "AWS_REGION": "us-east-1", "AWS_PAGER": "",
                "AWS_CONFIG_FILE": str(tmp_path / "no-config"),
                "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "no-credentials")})
    env.pop("AWS_PROFILE", None)
    env.pop("AWS_SESSION_TOKEN", None)
    return env
