"""DynamoDB Streams over time, each test with its own eddy (eddy_only): shard rollover followed by a
lineage-aware consumer, a kill -9 during a write load, retention trimming, persistence across a
restart, and `eddy streams tail`.
"""
import json
import subprocess
import threading
import time

import pytest
from botocore.exceptions import ClientError

from conftest import eddy_bin, make_client
from e2e_helpers import assert_error
from test_streams_support import all_shards, create_stream_table, read_all, read_shard, streams_client

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


def test_consumer_follows_lineage_across_rollovers(eddy_server):
    server = eddy_server(["--shard-rollover-seconds", "0.4", "--stream-shards", "2"], in_memory=True)
    ddb, streams = clients(server)
    name, arn = create_stream_table(ddb, "NEW_IMAGE")
    keys = [f"k{i}" for i in range(6)]
    written = 0
    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline:
        written += 1
        for key in keys:
            ddb.put_item(TableName=name, Item={"pk": {"S": key}, "v": {"N": str(written)}})
        time.sleep(0.02)
    shards = all_shards(streams, arn)
    by_id = {s["ShardId"]: s for s in shards}
    children = [s for s in shards if "ParentShardId" in s]
    assert len(children) >= 6, f"expected several rollovers, got {len(shards)} shards"
    for child in children:
        parent = by_id[child["ParentShardId"]]
        assert int(parent["SequenceNumberRange"]["EndingSequenceNumber"]) < \
            int(child["SequenceNumberRange"]["StartingSequenceNumber"])
    assert sum("EndingSequenceNumber" not in s["SequenceNumberRange"] for s in shards) == 2
    values = item_values(read_all(streams, arn))
    assert values == {key: list(range(1, written + 1)) for key in keys}


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
    time.sleep(1.0)
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


def test_retention_trims_old_records(eddy_server):
    server = eddy_server(["--stream-retention-seconds", "1", "--shard-rollover-seconds", "3600"], in_memory=True)
    ddb, streams = clients(server)
    name, arn = create_stream_table(ddb, "NEW_IMAGE")
    ddb.put_item(TableName=name, Item={"pk": {"S": "a"}, "v": {"N": "1"}})
    shard_id = next(s["ShardId"] for s in all_shards(streams, arn)
                    if read_shard(streams, streams.get_shard_iterator(
                        StreamArn=arn, ShardId=s["ShardId"], ShardIteratorType="TRIM_HORIZON")["ShardIterator"])[0])
    old = streams.get_shard_iterator(StreamArn=arn, ShardId=shard_id, ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    first, _ = read_shard(streams, old)
    seq = first[0]["dynamodb"]["SequenceNumber"]
    time.sleep(1.8)
    ddb.put_item(TableName=name, Item={"pk": {"S": "a"}, "v": {"N": "2"}})
    with pytest.raises(ClientError) as e:
        streams.get_records(ShardIterator=old)
    assert_error(e, "TrimmedDataAccessException",
                 "The operation attempted to read past the oldest stream record in a shard.")
    with pytest.raises(ClientError) as e:
        streams.get_shard_iterator(StreamArn=arn, ShardId=shard_id, ShardIteratorType="AFTER_SEQUENCE_NUMBER",
                                   SequenceNumber=seq)
    assert_error(e, "TrimmedDataAccessException",
                 "The operation attempted to read past the oldest stream record in a shard.")
    assert item_values(read_all(streams, arn)) == {"a": [2]}


def test_disk_use_stays_bounded_under_steady_writes(eddy_server):
    server = eddy_server(["--stream-retention-seconds", "0.5"], in_memory=True)
    ddb, streams = clients(server)
    name, arn = create_stream_table(ddb, "NEW_IMAGE")
    for round_ in range(3):
        for i in range(50):
            ddb.put_item(TableName=name, Item={"pk": {"S": f"k{i}"}, "v": {"N": str(round_)}})
        time.sleep(0.8)
    # Only the last round (younger than the retention) can remain.
    values = item_values(read_all(streams, arn))
    assert all(v in ([2], []) for v in values.values())


def test_streams_tail_prints_records_as_json_lines(eddy_server):
    server = eddy_server(["--shard-rollover-seconds", "0.3"], in_memory=True)
    ddb, _ = clients(server)
    name, _ = create_stream_table(ddb, "NEW_AND_OLD_IMAGES")
    tail = subprocess.Popen([eddy_bin(), "streams", "tail", name, "--port", str(server.port), "--from-start",
                             "--max-records", "6"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for v in range(1, 4):
        ddb.put_item(TableName=name, Item={"pk": {"S": "a"}, "v": {"N": str(v)}})
        time.sleep(0.4)  # across rollovers
    for v in range(1, 4):
        ddb.put_item(TableName=name, Item={"pk": {"S": "b"}, "v": {"N": str(v)}})
    out, err = tail.communicate(timeout=15)
    assert tail.returncode == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["eventName"] for r in records if r["dynamodb"]["Keys"]["pk"]["S"] == "a"] == ["INSERT", "MODIFY", "MODIFY"]
    assert item_values(records) == {"a": [1, 2, 3], "b": [1, 2, 3]}
    bad = subprocess.run([eddy_bin(), "streams", "tail"], capture_output=True, text=True, timeout=10)
    assert bad.returncode == 2 and "usage: eddy streams tail" in bad.stderr
