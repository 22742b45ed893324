"""Triggers across eddy's lifecycle and the stream's: resume after kill -9 without losing or
skipping a record, a shard rollover in the middle of delivery (a child shard only after its
parent), tumbling windows with state, and `eddy triggers list`."""
import json
import subprocess
import threading

import pytest

from conftest import eddy_bin, make_client
from test_streams_support import streams_client
from triggers_support import FunctionHost, lambda_client, new_name, poll, put, stream_table

pytestmark = pytest.mark.eddy_only


@pytest.fixture
def host():
    h = FunctionHost()
    yield h
    h.close()


def enabled(lam, m):
    poll(lambda: lam.get_event_source_mapping(UUID=m["UUID"])["State"] == "Enabled", "Enabled")


def test_resume_after_kill_9_loses_and_skips_nothing(eddy_server, host, tmp_path):
    data = tmp_path / "data"
    args = ["--lambda-endpoint", host.url, "--trigger-retry-seconds", "0.02", "--stream-shards", "1"]
    server = eddy_server(args, data_dir=data)
    ddb, lam = make_client(server.endpoint), lambda_client(server.endpoint)
    table, arn = stream_table(ddb)
    function = new_name()
    # The function is slow to answer its third batch, so eddy dies with that batch unacknowledged.
    release = threading.Event()
    seen = []

    def answer(inv):
        seen.append(inv)
        if len(seen) == 3:
            release.wait(10)
        return 200, {}, "null"

    host.respond[function] = answer
    m = lam.create_event_source_mapping(FunctionName=function, EventSourceArn=arn, StartingPosition="TRIM_HORIZON",
                                        BatchSize=2, Enabled=False)
    poll(lambda: lam.get_event_source_mapping(UUID=m["UUID"])["State"] == "Disabled", "Disabled")
    keys = [f"k{i:02}" for i in range(10)]
    for k in keys:
        put(ddb, table, k)
    lam.update_event_source_mapping(UUID=m["UUID"], Enabled=True)
    poll(lambda: len(seen) >= 3, "the third batch")
    server.kill9()
    release.set()
    host.respond[function] = host.default_answer
    assert [i.keys() for i in host.of(function)] == [keys[0:2], keys[2:4], keys[4:6]]

    again = eddy_server(args, data_dir=data)
    host.wait_records(function, len(keys) + 2)
    # At least once: the batch unacknowledged at the crash comes again, then the rest, in order;
    # nothing acknowledged is delivered twice and nothing is skipped.
    delivered = [k for i in host.of(function) for k in i.keys()]
    assert delivered == keys[:6] + keys[4:]
    assert [m["UUID"] for m in lambda_client(again.endpoint).list_event_source_mappings()["EventSourceMappings"]] == \
        [m["UUID"]]


def test_rollover_during_delivery_keeps_order(eddy_server, host):
    server = eddy_server(["--lambda-endpoint", host.url, "--stream-shards", "1", "--shard-rollover-seconds", "1"])
    ddb, lam = make_client(server.endpoint), lambda_client(server.endpoint)
    table, arn = stream_table(ddb)
    function = new_name()
    # Each invocation takes a while, so the shard closes while its records are being delivered.
    gate = threading.Semaphore(0)
    host.respond[function] = lambda inv: (gate.acquire(timeout=0.3), (200, {}, "null"))[1]
    m = lam.create_event_source_mapping(FunctionName=function, EventSourceArn=arn, StartingPosition="TRIM_HORIZON",
                                        BatchSize=1)
    enabled(lam, m)
    streams = streams_client(server.endpoint)
    written = []

    def shard_count():
        return len(streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"])

    # Three shards in a row, four records each, while the function is still on the first ones.
    for _ in range(3):
        before = shard_count()
        for _ in range(4):
            put(ddb, table, "same-key", n=len(written))
            written.append(len(written))
        poll(lambda: shard_count() > before, "a rollover", timeout=10)
    for _ in range(len(written)):
        gate.release()
    records = host.wait_records(function, len(written), timeout=30)
    assert [int(r["dynamodb"]["NewImage"]["n"]["N"]) for r in records] == written
    assert len({r["dynamodb"]["SequenceNumber"] for r in records}) == len(written)


def test_tumbling_window_passes_state_and_ends_with_a_final_invocation(eddy_server, host):
    server = eddy_server(["--lambda-endpoint", host.url, "--stream-shards", "1"])
    ddb, lam = make_client(server.endpoint), lambda_client(server.endpoint)
    table, arn = stream_table(ddb)
    function = new_name()

    def count(inv):
        state = dict(inv.event["state"])
        state["count"] = state.get("count", 0) + len(inv.records)
        return 200, {}, {"state": state, "batchItemFailures": []}

    host.respond[function] = count
    m = lam.create_event_source_mapping(FunctionName=function, EventSourceArn=arn, StartingPosition="LATEST",
                                        TumblingWindowInSeconds=2, BatchSize=1)
    assert m["TumblingWindowInSeconds"] == 2
    enabled(lam, m)
    put(ddb, table, "w1")
    put(ddb, table, "w2")

    def windows_closed():
        # The two records may fall in one window or in two (the window is on the wall clock): done
        # once both are delivered and every window that got records has had its final invocation.
        invocations = host.of(function)
        with_records = {json.dumps(i.event["window"], sort_keys=True) for i in invocations if i.records}
        finals = {json.dumps(i.event["window"], sort_keys=True) for i in invocations
                  if i.event["isFinalInvokeForWindow"]}
        delivered = sum(len(i.records) for i in invocations)
        return invocations if delivered == 2 and with_records <= finals else None

    invocations = host.wait_for(windows_closed, "both records and each window's final invocation", timeout=15)
    first = invocations[0].event
    assert set(first) == {"Records", "window", "state", "shardId", "eventSourceARN", "isFinalInvokeForWindow",
                          "isWindowTerminatedEarly"}
    assert first["state"] == {} and first["eventSourceARN"] == arn
    assert first["isWindowTerminatedEarly"] is False
    window = first["window"]
    assert window["start"].endswith("Z") and window["end"].endswith("Z")
    # Each invocation of a window got the state the one before returned: its final one (no records)
    # counts every record of the window.
    finals = [i for i in invocations if i.event["isFinalInvokeForWindow"]]
    for final in finals:
        assert final.event["Records"] == []
        in_window = [i for i in invocations if i.event["window"] == final.event["window"]]
        assert in_window[-1] is final
        counted = 0
        for inv in in_window:
            assert inv.event["state"] == ({"count": counted} if counted else {})
            counted += len(inv.records)
        assert counted >= 1 and final.event["state"] == {"count": counted}
    assert sum(len(i.records) for i in invocations) == 2


def test_triggers_list_command_shows_state_position_and_lag(eddy_server, host):
    server = eddy_server(["--lambda-endpoint", host.url])
    ddb, lam = make_client(server.endpoint), lambda_client(server.endpoint)
    table, arn = stream_table(ddb)
    function = new_name()
    m = lam.create_event_source_mapping(FunctionName=function, EventSourceArn=arn, StartingPosition="TRIM_HORIZON",
                                        Enabled=False)
    poll(lambda: lam.get_event_source_mapping(UUID=m["UUID"])["State"] == "Disabled", "Disabled")
    put(ddb, table, "lagging")
    out = subprocess.run([eddy_bin(), "triggers", "list", "--endpoint", server.endpoint], capture_output=True,
                         text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    first = out.stdout.splitlines()[0]
    assert first.startswith(m["UUID"]) and "Disabled" in first and first.endswith(f"{arn} -> {m['FunctionArn']}")
    assert "lag 1 records" in out.stdout
    listed = lam.list_event_source_mappings(EventSourceArn=arn)["EventSourceMappings"]
    assert [x["UUID"] for x in listed] == [m["UUID"]]


def test_streams_tail_keeps_working_beside_a_mapping(eddy_server, host):
    server = eddy_server(["--lambda-endpoint", host.url, "--stream-shards", "1"])
    ddb, lam = make_client(server.endpoint), lambda_client(server.endpoint)
    table, arn = stream_table(ddb)
    function = new_name()
    m = lam.create_event_source_mapping(FunctionName=function, EventSourceArn=arn, StartingPosition="TRIM_HORIZON")
    enabled(lam, m)
    tail = subprocess.Popen([eddy_bin(), "streams", "tail", table, "--port", str(server.port), "--from-start",
                             "--max-records", "3"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for k in ["t1", "t2", "t3"]:
        put(ddb, table, k)
    out, err = tail.communicate(timeout=15)
    assert tail.returncode == 0, err
    tailed = [json.loads(line) for line in out.splitlines()]
    delivered = host.wait_records(function, 3)
    assert [r["dynamodb"]["SequenceNumber"] for r in tailed] == [r["dynamodb"]["SequenceNumber"] for r in delivered]
