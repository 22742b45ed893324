"""Triggers with the test controls (docs/test-controls.md): GET /eddy/v1/triggers/<UUID>/wait answers
once a mapping has delivered everything written so far, and the triggers keep running, from what the
database then holds, across a snapshot restore, a reset and a truncate."""
import json
import threading
import time

import pytest

from admin_support import admin, assert_admin_error, ok
from conftest import EddyFactory, make_client
from triggers_support import FunctionHost, lambda_client, new_name, poll, put, stream_table

pytestmark = pytest.mark.eddy_only


@pytest.fixture(scope="module")
def host():
    h = FunctionHost()
    yield h
    h.close()


@pytest.fixture(scope="module")
def eddy(tmp_path_factory, host):
    factory = EddyFactory(tmp_path_factory.mktemp("triggers-admin"))
    server = factory(["--lambda-endpoint", host.url, "--trigger-retry-seconds", "0.02", "--stream-shards", "1"])
    yield server
    factory.cleanup()


@pytest.fixture(scope="module")
def ddb(eddy):
    return make_client(eddy.endpoint)


@pytest.fixture(scope="module")
def lam(eddy):
    return lambda_client(eddy.endpoint)


def enabled_mapping(lam, function, arn, position="TRIM_HORIZON"):
    m = lam.create_event_source_mapping(FunctionName=function, EventSourceArn=arn, StartingPosition=position)
    poll(lambda: lam.get_event_source_mapping(UUID=m["UUID"])["State"] == "Enabled", "Enabled")
    return m["UUID"]


def slow(seconds):
    def answer(invocation):
        time.sleep(seconds)
        return 200, {}, "null"
    return answer


def test_wait_answers_once_every_record_is_delivered(eddy, host, ddb, lam):
    table, arn = stream_table(ddb)
    function = new_name()
    host.respond[function] = slow(0.2)
    uuid = enabled_mapping(lam, function, arn)
    for key in ("a", "b", "c"):
        put(ddb, table, key)
    started = time.monotonic()
    answer = ok(eddy.endpoint, "GET", f"triggers/{uuid}/wait?timeout_ms=20000")
    assert answer == {"uuid": uuid, "delivered": True}
    # Answered after the slow function took the records, not before: nothing is left to arrive.
    assert sorted(k for i in host.of(function) for k in i.keys()) == ["a", "b", "c"]
    assert time.monotonic() - started >= 0.2
    # With nothing new written, the next wait answers at once.
    assert ok(eddy.endpoint, "GET", f"triggers/{uuid}/wait?timeout_ms=2000") == {"uuid": uuid, "delivered": True}


def test_wait_times_out_while_a_function_keeps_failing(eddy, host, ddb, lam):
    table, arn = stream_table(ddb)
    function = new_name()
    host.respond[function] = lambda invocation: (200, {"X-Amz-Function-Error": "Unhandled"},
                                                 {"errorMessage": "always"})
    uuid = enabled_mapping(lam, function, arn)
    put(ddb, table, "stuck")
    host.wait_records(function, 1)
    answer = admin(eddy.endpoint, "GET", f"triggers/{uuid}/wait?timeout_ms=300")
    assert_admin_error(answer, 408, "WaitTimeoutException",
                       f"The event source mapping {uuid} has records left to deliver after 300 ms")
    lam.delete_event_source_mapping(UUID=uuid)


def test_wait_errors(eddy):
    missing = "8d0c4cbf-0000-4000-8000-000000000000"
    answer = admin(eddy.endpoint, "GET", f"triggers/{missing}/wait?timeout_ms=1000")
    assert answer.status == 400 and answer.json["__type"] == "eddy.admin#ResourceNotFoundException", answer
    assert_admin_error(admin(eddy.endpoint, "GET", f"triggers/{missing}/wait?timeout_ms=0"), 400,
                       "ValidationException", "timeout_ms must be a whole number of milliseconds from 1 to 600000")


def test_pending_waits_hold_no_worker(eddy, host, ddb, lam):
    """More pending waits than eddy has workers, and DynamoDB requests are still answered at once."""
    table, arn = stream_table(ddb)
    function = new_name()
    host.respond[function] = lambda invocation: (200, {"X-Amz-Function-Error": "Unhandled"}, {"errorMessage": "no"})
    uuid = enabled_mapping(lam, function, arn)
    put(ddb, table, "held")
    host.wait_records(function, 1)
    answers = []
    waits = [threading.Thread(target=lambda: answers.append(
        admin(eddy.endpoint, "GET", f"triggers/{uuid}/wait?timeout_ms=1500").status)) for _ in range(40)]
    for w in waits:
        w.start()
    started = time.monotonic()
    assert ddb.describe_table(TableName=table)["Table"]["TableStatus"] == "ACTIVE"
    assert time.monotonic() - started < 1.0
    for w in waits:
        w.join(30)
    assert answers == [408] * 40
    lam.delete_event_source_mapping(UUID=uuid)


def test_triggers_run_on_after_restore_truncate_and_reset(eddy, host, ddb, lam):
    table, arn = stream_table(ddb)
    function = new_name()
    uuid = enabled_mapping(lam, function, arn)
    put(ddb, table, "before")
    ok(eddy.endpoint, "GET", f"triggers/{uuid}/wait")
    snapshot = new_name("s")
    ok(eddy.endpoint, "POST", "snapshots", {"name": snapshot})
    put(ddb, table, "after-snapshot")
    ok(eddy.endpoint, "GET", f"triggers/{uuid}/wait")

    ok(eddy.endpoint, "POST", f"snapshots/{snapshot}/restore")
    # The mapping is back as the snapshot holds it, and runs: a new write is delivered.
    assert lam.get_event_source_mapping(UUID=uuid)["State"] == "Enabled"
    put(ddb, table, "after-restore")
    ok(eddy.endpoint, "GET", f"triggers/{uuid}/wait")
    keys = [k for i in host.of(function) for k in i.keys()]
    assert keys[:2] == ["before", "after-snapshot"] and keys[-1] == "after-restore"

    ok(eddy.endpoint, "POST", f"tables/{table}/truncate")
    put(ddb, table, "after-truncate")
    ok(eddy.endpoint, "GET", f"triggers/{uuid}/wait")
    assert [k for i in host.of(function) for k in i.keys()][-1] == "after-truncate"

    ok(eddy.endpoint, "POST", "reset")
    # A reset empties the database: the mapping went with the table.
    assert lam.list_event_source_mappings()["EventSourceMappings"] == []
    answer = admin(eddy.endpoint, "GET", f"triggers/{uuid}/wait?timeout_ms=1000")
    assert answer.status == 400 and answer.json["__type"] == "eddy.admin#ResourceNotFoundException", answer
    ok(eddy.endpoint, "POST", f"snapshots/{snapshot}/restore")
    ok(eddy.endpoint, "DELETE", f"snapshots/{snapshot}")


def test_mappings_file_is_applied_again_after_a_reset(eddy_server, tmp_path, host):
    table = new_name("t")
    hook = f"/file-hooks/{new_name()}"
    mappings = tmp_path / "mappings.json"
    mappings.write_text(json.dumps([{"TableName": table, "FunctionName": host.url + hook,
                                     "StartingPosition": "TRIM_HORIZON"}]))
    server = eddy_server(["--event-source-mappings", str(mappings), "--stream-shards", "1"])
    ddb = make_client(server.endpoint)
    lam = lambda_client(server.endpoint)
    stream_table(ddb, name=table)
    put(ddb, table, "first")
    host.wait_records(hook, 1)
    ok(server.endpoint, "POST", "reset")
    # The file still declares the mapping: it is there again, waiting for its table.
    listed = lam.list_event_source_mappings()["EventSourceMappings"]
    assert [m["FunctionArn"] for m in listed] == [host.url + hook]
    stream_table(ddb, name=table)
    put(ddb, table, "second")
    host.wait_records(hook, 2)
    assert [r["dynamodb"]["Keys"]["pk"]["S"] for r in host.records_of(hook)] == ["first", "second"]
    assert server.stop() == 0


def test_idle_ms_waits_for_a_quiet_period(eddy, host, ddb, lam):
    """With idle_ms the mapping must stay caught up that long: a record written during the quiet
    period is delivered before the answer."""
    table, arn = stream_table(ddb)
    function = new_name()
    uuid = enabled_mapping(lam, function, arn)
    put(ddb, table, "first")
    writer = threading.Timer(0.3, lambda: put(ddb, table, "during-the-quiet-period"))
    writer.start()
    started = time.monotonic()
    answer = ok(eddy.endpoint, "GET", f"triggers/{uuid}/wait?idle_ms=800&timeout_ms=20000")
    writer.join()
    assert answer == {"uuid": uuid, "delivered": True}
    assert time.monotonic() - started >= 0.8
    assert [k for i in host.of(function) for k in i.keys()] == ["first", "during-the-quiet-period"]
    assert_admin_error(admin(eddy.endpoint, "GET", f"triggers/{uuid}/wait?idle_ms=x"), 400, "ValidationException",
                       "idle_ms must be a whole number of milliseconds from 0 to 600000")
    lam.delete_event_source_mapping(UUID=uuid)
