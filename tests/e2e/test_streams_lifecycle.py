"""DynamoDB Streams with the real binary, each test with its own eddy (eddy_only): a kill -9 during a
write load, persistence across a restart, and `eddy streams tail` following shards across rollovers
(with --shard-rollover-seconds and --stream-shards). Retention, rollover lineage and iterator expiry are driven by a
manual clock in the in-process tests (tests/unit/server/stream_time_test.cc) instead of waiting here.
"""
import json
import subprocess
import threading
import time

import pytest

from conftest import eddy_bin, make_client
from test_streams_support import all_shards, create_stream_table, read_all, streams_client

pytestmark = pytest.mark.eddy_only


def clients(server):
    return make_client(server.endpoint), streams_client(server.endpoint)


def item_values(records):
    """{pk: [v, ...]} in stream order, from NEW_IMAGE records."""
    out = {}
    for r in records:
        image = r["dynamodb"].get("NewImage")
        if image:
            out.setdefault(image["pk"]["S"], []).append(int(image["v"]["N"]))
    return out


def wait_for_rollover(streams, arn, timeout=10):
    """Polls DescribeStream until a shard that is open now has been closed (and continued)."""
    open_now = {s["ShardId"] for s in all_shards(streams, arn) if "EndingSequenceNumber" not in s["SequenceNumberRange"]}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        closed = {s["ShardId"] for s in all_shards(streams, arn) if "EndingSequenceNumber" in s["SequenceNumberRange"]}
        if open_now & closed:
            return
        time.sleep(0.02)
    raise AssertionError(f"no shard rolled over within {timeout} s")


def test_kill9_keeps_exactly_the_acknowledged_writes(eddy_server, tmp_path):
    data = tmp_path / "data"
    server = eddy_server(data_dir=data)
    ddb, streams = clients(server)
    name, arn = create_stream_table(ddb, "NEW_IMAGE")
    acked = {}
    attempted = {}

    def writer(key):
        client = make_client(server.endpoint)
        v = 0
        while True:
            v += 1
            attempted[key] = v
            try:
                client.put_item(TableName=name, Item={"pk": {"S": key}, "v": {"N": str(v)}})
            except Exception:
                return
            acked[key] = v

    threads = [threading.Thread(target=writer, args=(f"w{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 30
    while sum(list(acked.values())) < 100 and time.monotonic() < deadline:  # the load is under way
        time.sleep(0.01)
    server.kill9()
    for t in threads:
        t.join()
    server = eddy_server(data_dir=data)
    ddb, streams = clients(server)
    values = item_values(read_all(streams, arn))
    for key, last_acked in acked.items():
        got = values.get(key, [])
        # Every acknowledged write has its record; the one write in flight at the kill may or may
        # not have committed, and then its item and its record agree.
        assert got[:last_acked] == list(range(1, last_acked + 1))
        assert len(got) <= attempted[key]
        item = ddb.get_item(TableName=name, Key={"pk": {"S": key}}, ConsistentRead=True)["Item"]
        assert int(item["v"]["N"]) == got[-1]
    assert sum(acked.values()) > 20


def test_streams_survive_a_restart(eddy_server, tmp_path):
    data = tmp_path / "data"
    server = eddy_server(data_dir=data)
    ddb, streams = clients(server)
    name, arn = create_stream_table(ddb, "NEW_IMAGE")
    for v in (1, 2):
        ddb.put_item(TableName=name, Item={"pk": {"S": "a"}, "v": {"N": str(v)}})
    shards_before = all_shards(streams, arn)
    assert server.stop() == 0
    server = eddy_server(data_dir=data)
    ddb, streams = clients(server)
    assert all_shards(streams, arn) == shards_before
    ddb.put_item(TableName=name, Item={"pk": {"S": "a"}, "v": {"N": "3"}})
    records = read_all(streams, arn)
    assert item_values(records) == {"a": [1, 2, 3]}
    seqs = [int(r["dynamodb"]["SequenceNumber"]) for r in records]
    assert seqs == sorted(seqs) and len(set(seqs)) == 3


def test_streams_tail_prints_records_as_json_lines(eddy_server):
    server = eddy_server(["--shard-rollover-seconds", "0.3", "--stream-shards", "2"], in_memory=True)
    ddb, streams = clients(server)
    name, arn = create_stream_table(ddb, "NEW_AND_OLD_IMAGES")
    assert sum("EndingSequenceNumber" not in s["SequenceNumberRange"] for s in all_shards(streams, arn)) == 2
    tail = subprocess.Popen([eddy_bin(), "streams", "tail", name, "--port", str(server.port), "--from-start",
                             "--max-records", "6"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for v in range(1, 4):
        ddb.put_item(TableName=name, Item={"pk": {"S": "a"}, "v": {"N": str(v)}})
        wait_for_rollover(streams, arn)  # so that the tail must follow a's records across shards
    for v in range(1, 4):
        ddb.put_item(TableName=name, Item={"pk": {"S": "b"}, "v": {"N": str(v)}})
    out, err = tail.communicate(timeout=15)
    assert tail.returncode == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["eventName"] for r in records if r["dynamodb"]["Keys"]["pk"]["S"] == "a"] == ["INSERT", "MODIFY", "MODIFY"]
    assert item_values(records) == {"a": [1, 2, 3], "b": [1, 2, 3]}
    bad = subprocess.run([eddy_bin(), "streams", "tail"], capture_output=True, text=True, timeout=10)
    assert bad.returncode == 2 and "usage: eddy streams tail" in bad.stderr
