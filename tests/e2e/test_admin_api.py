"""The admin API's surface (docs/test-controls.md): routing, errors, the refusal on a non-loopback
address without --admin, and `eddy admin` on the command line."""
import json
import subprocess

import pytest

from admin_support import admin, assert_admin_error, ok
from conftest import eddy_bin, free_port, make_client

pytestmark = pytest.mark.eddy_only


@pytest.fixture
def server(eddy_server):
    return eddy_server(["--clock", "virtual"], in_memory=True)


def test_unknown_path_wrong_method_and_bad_body(server):
    assert_admin_error(admin(server.endpoint, "GET", "nothing/here"), 404, "UnknownOperationException",
                       "No admin call GET /eddy/v1/nothing/here")
    assert_admin_error(admin(server.endpoint, "PUT", "clock"), 405, "MethodNotAllowedException",
                       "PUT is not a call of /eddy/v1/clock")
    assert_admin_error(admin(server.endpoint, "POST", "clock", "[1,2]"), 400, "SerializationException",
                       "The body must be a JSON object")
    assert_admin_error(admin(server.endpoint, "POST", "clock", "{nope"), 400, "SerializationException")
    # DynamoDB on the same port is untouched.
    assert make_client(server.endpoint).list_tables()["TableNames"] == []


def test_refused_on_a_non_loopback_bind_without_admin(eddy_server):
    port = free_port()
    # Bound to every address, but the test connects over 127.0.0.1: the traffic stays on loopback.
    server = eddy_server(raw_args=["--host", "0.0.0.0", "--port", str(port), "--in-memory"], port=port)
    answer = admin(server.endpoint, "GET", "clock")
    assert_admin_error(answer, 403, "AccessDeniedException",
                       "The eddy admin API is refused: eddy listens on 0.0.0.0, which is not a loopback address. "
                       "Start eddy with --admin to allow it.")
    assert_admin_error(admin(server.endpoint, "POST", "reset"), 403, "AccessDeniedException")
    # DynamoDB itself still answers.
    assert make_client(server.endpoint).list_tables()["TableNames"] == []


def test_allowed_on_a_non_loopback_bind_with_admin(eddy_server):
    port = free_port()
    server = eddy_server(raw_args=["--host", "0.0.0.0", "--port", str(port), "--in-memory", "--admin"], port=port)
    assert "epoch_seconds" in ok(server.endpoint, "GET", "clock")


def run_cli(server, *words):
    return subprocess.run([eddy_bin(), "admin", *words, "--endpoint", server.endpoint], capture_output=True,
                          text=True, timeout=30)


def test_cli_calls_the_api(server):
    ddb = make_client(server.endpoint)
    ddb.create_table(TableName="cli", KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                     AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                     BillingMode="PAY_PER_REQUEST")
    ddb.put_item(TableName="cli", Item={"pk": {"S": "a"}})
    done = run_cli(server, "clock", "set", "2030-01-02T03:04:05Z")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["now"] == "2030-01-02T03:04:05.000Z"
    done = run_cli(server, "clock", "advance", "60")
    assert json.loads(done.stdout)["now"] == "2030-01-02T03:05:05.000Z"
    assert run_cli(server, "snapshot", "create", "one").returncode == 0
    listed = json.loads(run_cli(server, "snapshot", "list").stdout)["snapshots"]
    assert [(s["name"], s["tables"], s["items"]) for s in listed] == [("one", 1, 1)]
    assert run_cli(server, "truncate", "cli").returncode == 0
    assert ddb.scan(TableName="cli")["Count"] == 0
    assert run_cli(server, "snapshot", "restore", "one").returncode == 0
    assert ddb.scan(TableName="cli")["Count"] == 1
    added = json.loads(run_cli(server, "faults", "add", '{"error":"ThrottlingException","count":1}').stdout)
    assert added["id"] >= 1 and added["count"] == 1
    assert len(json.loads(run_cli(server, "faults", "list").stdout)["faults"]) == 1
    assert run_cli(server, "faults", "delete").returncode == 0
    assert json.loads(run_cli(server, "faults", "list").stdout)["faults"] == []
    assert run_cli(server, "reset").returncode == 0
    assert ddb.list_tables()["TableNames"] == []
    missing = run_cli(server, "snapshot", "restore", "nope")
    assert missing.returncode == 1
    assert "400: Snapshot not found: nope" in missing.stderr
    unknown = subprocess.run([eddy_bin(), "admin", "frobnicate"], capture_output=True, text=True, timeout=30)
    assert unknown.returncode == 2 and "unknown command" in unknown.stderr
