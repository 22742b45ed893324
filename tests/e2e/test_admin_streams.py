"""Forced stream events and waits (docs/test-controls.md): rollover and split on demand, and
waiting for a stream's records instead of sleeping."""
import threading
import time

import pytest

from admin_support import admin, assert_admin_error, ok
from conftest import make_client
from test_streams_support import all_shards, create_stream_table, read_all, read_shard, streams_client

pytestmark = pytest.mark.eddy_only


@pytest.fixture
def server(eddy_server):
    return eddy_server(["--clock", "virtual", "--stream-shards", "1"], in_memory=True)


def put(ddb, name, *keys):
    for key in keys:
        ddb.put_item(TableName=name, Item={"pk": {"S": key}})


def test_rollover_closes_every_open_shard_and_opens_children(server):
    ddb, streams = make_client(server.endpoint), streams_client(server.endpoint)
    name, arn = create_stream_table(ddb, "KEYS_ONLY")
    put(ddb, name, "before")
    (parent,) = all_shards(streams, arn)
    event = ok(server.endpoint, "POST", f"streams/{name}/rollover")
    assert event["closed"] == [parent["ShardId"]] and len(event["opened"]) == 1
    put(ddb, name, "after")
    shards = {s["ShardId"]: s for s in all_shards(streams, arn)}
    assert "EndingSequenceNumber" in shards[parent["ShardId"]]["SequenceNumberRange"]
    child = shards[event["opened"][0]]
    assert child["ParentShardId"] == parent["ShardId"]
    assert "EndingSequenceNumber" not in child["SequenceNumberRange"]
    it = streams.get_shard_iterator(StreamArn=arn, ShardId=child["ShardId"],
                                    ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    assert [r["dynamodb"]["Keys"]["pk"]["S"] for r in read_shard(streams, it)[0]] == ["after"]
    # A reader of the parent reaches its end and is told so (no NextShardIterator).
    it = streams.get_shard_iterator(StreamArn=arn, ShardId=parent["ShardId"],
                                    ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    records, rest = read_shard(streams, it)
    assert [r["dynamodb"]["Keys"]["pk"]["S"] for r in records] == ["before"]
    assert rest is None or streams.get_records(ShardIterator=rest).get("NextShardIterator") is None
    assert [r["dynamodb"]["Keys"]["pk"]["S"] for r in read_all(streams, arn)] == ["before", "after"]


def test_rollover_closes_all_the_shards_of_a_stream(eddy_server):
    server = eddy_server(["--stream-shards", "4"], in_memory=True)
    ddb, streams = make_client(server.endpoint), streams_client(server.endpoint)
    name, arn = create_stream_table(ddb, "KEYS_ONLY")
    first = sorted(s["ShardId"] for s in all_shards(streams, arn))
    event = ok(server.endpoint, "POST", f"streams/{name}/rollover")
    assert sorted(event["closed"]) == first and len(event["opened"]) == 4
    shards = {s["ShardId"]: s for s in all_shards(streams, arn)}
    assert sorted(shards[child]["ParentShardId"] for child in event["opened"]) == first


def test_split_makes_two_children_by_key_range(server):
    ddb, streams = make_client(server.endpoint), streams_client(server.endpoint)
    name, arn = create_stream_table(ddb, "KEYS_ONLY")
    (parent,) = all_shards(streams, arn)
    event = ok(server.endpoint, "POST", f"streams/{name}/split", {"shard_id": parent["ShardId"]})
    assert event["closed"] == [parent["ShardId"]] and len(event["opened"]) == 2
    keys = [f"k{i}" for i in range(40)]
    put(ddb, name, *keys)
    by_shard = {}
    for shard_id in event["opened"]:
        it = streams.get_shard_iterator(StreamArn=arn, ShardId=shard_id,
                                        ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
        by_shard[shard_id] = [r["dynamodb"]["Keys"]["pk"]["S"] for r in read_shard(streams, it)[0]]
    # Both children take records, each key always the same one.
    assert all(by_shard.values())
    assert sorted(by_shard[event["opened"][0]] + by_shard[event["opened"][1]]) == sorted(keys)
    put(ddb, name, *keys[:5])
    shards = {s["ShardId"]: s for s in all_shards(streams, arn)}
    assert {shards[s]["ParentShardId"] for s in event["opened"]} == {parent["ShardId"]}
    # Splitting again without a shard id takes the first open shard.
    again = ok(server.endpoint, "POST", f"streams/{name}/split")
    assert again["closed"] == [event["opened"][0]] and len(again["opened"]) == 2


def test_stream_event_errors(server):
    ddb = make_client(server.endpoint)
    name, _ = create_stream_table(ddb, None)
    for call in ("rollover", "split", "mark"):
        assert_admin_error(admin(server.endpoint, "POST", f"streams/{name}/{call}"), 400, "ResourceNotFoundException",
                           f"Table {name} has no enabled stream")
        assert_admin_error(admin(server.endpoint, "POST", f"streams/Nope/{call}"), 400, "ResourceNotFoundException",
                           "Requested resource not found: Table: Nope not found")
    streamed, arn = create_stream_table(ddb, "KEYS_ONLY")
    assert_admin_error(admin(server.endpoint, "POST", f"streams/{streamed}/split", {"shard_id": "shardId-nope"}), 400,
                       "ResourceNotFoundException", "Requested resource not found: Shard does not exist")
    closed = ok(server.endpoint, "POST", f"streams/{streamed}/rollover")["closed"][0]
    assert_admin_error(admin(server.endpoint, "POST", f"streams/{streamed}/split", {"shard_id": closed}), 400,
                       "ValidationException", f"Shard {closed} is closed; only an open shard can be split")


def test_wait_returns_once_the_records_since_the_mark_are_there(server):
    ddb = make_client(server.endpoint)
    name, _ = create_stream_table(ddb, "KEYS_ONLY")
    put(ddb, name, "old")
    assert ok(server.endpoint, "POST", f"streams/{name}/mark") == {"table": name, "records": 1, "mark": 1}
    answers = []
    waiter = threading.Thread(target=lambda: answers.append(
        admin(server.endpoint, "GET", f"streams/{name}/wait?count=3&timeout_ms=20000")))
    waiter.start()
    put(ddb, name, "a", "b")
    time.sleep(0.05)
    assert answers == []  # two of three
    put(ddb, name, "c")
    waiter.join(timeout=30)
    assert answers[0].status == 200
    assert answers[0].json == {"table": name, "records": 4, "mark": 4}  # the wait moved the mark on
    # Already there: answered at once.
    put(ddb, name, "d")
    assert ok(server.endpoint, "GET", f"streams/{name}/wait?count=1") == {"table": name, "records": 5, "mark": 5}


def test_wait_times_out_with_what_it_saw(server):
    ddb = make_client(server.endpoint)
    name, _ = create_stream_table(ddb, "KEYS_ONLY")
    ok(server.endpoint, "POST", f"streams/{name}/mark")
    put(ddb, name, "a")
    answer = admin(server.endpoint, "GET", f"streams/{name}/wait?count=2&timeout_ms=100")
    assert_admin_error(answer, 408, "WaitTimeoutException",
                       f"The stream of {name} holds 1 of the 2 records waited for after 100 ms")
    assert (answer.json["records"], answer.json["mark"]) == (1, 0)
    for query, message in (("count=x", "count must be a whole number from 0 to 1000000000"),
                           ("timeout_ms=0", "timeout_ms must be a whole number of milliseconds from 1 to 600000")):
        assert_admin_error(admin(server.endpoint, "GET", f"streams/{name}/wait?{query}"), 400, "ValidationException",
                           message)


def test_restore_and_reset_move_the_mark(server):
    ddb = make_client(server.endpoint)
    name, _ = create_stream_table(ddb, "KEYS_ONLY", name="Marked")
    put(ddb, name, "a", "b")
    ok(server.endpoint, "POST", "snapshots", {"name": "two"})
    put(ddb, name, "c")
    ok(server.endpoint, "POST", "snapshots/two/restore")
    progress = ok(server.endpoint, "POST", f"streams/{name}/mark")
    assert progress["records"] == progress["mark"]
    put(ddb, name, "d")
    assert ok(server.endpoint, "GET", f"streams/{name}/wait?count=1&timeout_ms=5000")["records"] == \
        progress["records"] + 1
