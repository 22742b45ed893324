"""Virtual time (docs/test-controls.md): GET/POST /eddy/v1/clock, and what moving it does to TTL,
stream retention, iterator expiry and rollover; the clock persists across a restart."""
import time
from datetime import datetime, timezone

import pytest
from botocore.exceptions import ClientError

from admin_support import admin, assert_admin_error, ok
from conftest import make_client
from test_streams_support import all_shards, create_stream_table, read_all, read_shard, streams_client

pytestmark = pytest.mark.eddy_only


def epoch(iso):
    return datetime.strptime(iso, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc).timestamp()


def test_virtual_clock_starts_at_wall_time_and_moves_only_when_told(eddy_server):
    server = eddy_server(["--clock", "virtual"], in_memory=True)
    first = ok(server.endpoint, "GET", "clock")
    assert first["clock"] == "virtual"
    assert abs(first["epoch_seconds"] - time.time()) < 60
    assert epoch(first["now"]) == pytest.approx(first["epoch_seconds"], abs=0.001)
    time.sleep(0.05)
    assert ok(server.endpoint, "GET", "clock")["epoch_seconds"] == first["epoch_seconds"]
    moved = ok(server.endpoint, "POST", "clock", {"advance_seconds": 3600})
    assert moved["epoch_seconds"] == pytest.approx(first["epoch_seconds"] + 3600, abs=1e-6)
    moved = ok(server.endpoint, "POST", "clock", {"set": "2031-05-06T07:08:09.5Z"})
    assert moved["now"] == "2031-05-06T07:08:09.500Z"
    assert moved["epoch_seconds"] == datetime(2031, 5, 6, 7, 8, 9, 500000, tzinfo=timezone.utc).timestamp()
    moved = ok(server.endpoint, "POST", "clock", {"set": "2031-05-06T09:08:09+02:00"})
    assert moved["now"] == "2031-05-06T07:08:09.000Z"
    # Items written now carry the virtual time.
    ddb = make_client(server.endpoint)
    desc = ddb.create_table(TableName="timed", KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                            BillingMode="PAY_PER_REQUEST")["TableDescription"]
    assert desc["CreationDateTime"].timestamp() == pytest.approx(moved["epoch_seconds"], abs=0.001)


def test_clock_errors(eddy_server):
    server = eddy_server(["--clock", "virtual"], in_memory=True)
    both = "Give either advance_seconds (a number of seconds) or set (an ISO-8601 time)"
    assert_admin_error(admin(server.endpoint, "POST", "clock", {}), 400, "ValidationException", both)
    assert_admin_error(admin(server.endpoint, "POST", "clock", {"advance_seconds": 1, "set": "2030-01-01T00:00:00Z"}),
                       400, "ValidationException", both)
    assert_admin_error(admin(server.endpoint, "POST", "clock", {"advance_seconds": "10"}), 400,
                       "ValidationException", "advance_seconds must be a number of seconds")
    for bad in ("yesterday", "2030-13-01T00:00:00Z", "2030-01-01", 12):
        assert_admin_error(admin(server.endpoint, "POST", "clock", {"set": bad}), 400, "ValidationException",
                           "set must be an ISO-8601 time such as 2026-01-01T00:00:00Z")


def test_wall_clock_takes_an_offset(eddy_server):
    server = eddy_server(in_memory=True)
    first = ok(server.endpoint, "GET", "clock")
    assert first["clock"] == "wall" and abs(first["offset_seconds"]) < 1
    moved = ok(server.endpoint, "POST", "clock", {"advance_seconds": 86400})
    assert moved["offset_seconds"] == pytest.approx(86400, abs=1)
    assert moved["epoch_seconds"] == pytest.approx(time.time() + 86400, abs=30)


def enable_ttl(ddb, name):
    ddb.update_time_to_live(TableName=name, TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"})


def test_advancing_25_hours_expires_items_and_trims_the_stream(eddy_server):
    # The sweep interval is long: only the move of the clock can make the sweeper run in time.
    server = eddy_server(["--clock", "virtual", "--ttl-sweep-interval-seconds", "3600"], in_memory=True)
    ddb, streams = make_client(server.endpoint), streams_client(server.endpoint)
    name, arn = create_stream_table(ddb, "NEW_AND_OLD_IMAGES")
    enable_ttl(ddb, name)
    now = ok(server.endpoint, "GET", "clock")["epoch_seconds"]
    ddb.put_item(TableName=name, Item={"pk": {"S": "soon"}, "expires": {"N": str(int(now) + 3600)}})
    ddb.put_item(TableName=name, Item={"pk": {"S": "later"}, "expires": {"N": str(int(now) + 48 * 3600)}})
    first_shards = all_shards(streams, arn)
    # The shard that holds the first insert (the stream may have several).
    for shard in first_shards:
        it = streams.get_shard_iterator(StreamArn=arn, ShardId=shard["ShardId"],
                                        ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
        inserts, _ = read_shard(streams, it)
        if inserts:
            break
    assert [r["eventName"] for r in read_all(streams, arn)] == ["INSERT", "INSERT"]

    ok(server.endpoint, "POST", "clock", {"advance_seconds": 25 * 3600})

    # At once: the answer came after the sweeper and the stream's maintenance had caught up.
    assert "Item" not in ddb.get_item(TableName=name, Key={"pk": {"S": "soon"}}, ConsistentRead=True)
    assert "Item" in ddb.get_item(TableName=name, Key={"pk": {"S": "later"}}, ConsistentRead=True)
    records = read_all(streams, arn)
    assert [r["eventName"] for r in records] == ["REMOVE"]  # the inserts are past the 24 hours
    assert records[0]["dynamodb"]["Keys"] == {"pk": {"S": "soon"}}
    assert records[0]["userIdentity"] == {"PrincipalId": "dynamodb.amazonaws.com", "Type": "Service"}
    with pytest.raises(ClientError) as caught:
        streams.get_shard_iterator(StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType="AT_SEQUENCE_NUMBER",
                                   SequenceNumber=inserts[0]["dynamodb"]["SequenceNumber"])
    assert caught.value.response["Error"] == {
        "Code": "TrimmedDataAccessException",
        "Message": "The operation attempted to read past the oldest stream record in a shard."}
    # The scheduled rollover (every 4 hours) has closed the first shard and opened its child.
    shards = {s["ShardId"]: s for s in all_shards(streams, arn)}
    for first in first_shards:
        assert "EndingSequenceNumber" in shards[first["ShardId"]]["SequenceNumberRange"]
        assert any(s.get("ParentShardId") == first["ShardId"] for s in shards.values())


def test_iterators_expire_after_15_virtual_minutes(eddy_server):
    server = eddy_server(["--clock", "virtual"], in_memory=True)
    ddb, streams = make_client(server.endpoint), streams_client(server.endpoint)
    name, arn = create_stream_table(ddb, "KEYS_ONLY")
    shard = all_shards(streams, arn)[0]
    it = streams.get_shard_iterator(StreamArn=arn, ShardId=shard["ShardId"],
                                    ShardIteratorType="LATEST")["ShardIterator"]
    ok(server.endpoint, "POST", "clock", {"advance_seconds": 14 * 60})
    streams.get_records(ShardIterator=it)
    ok(server.endpoint, "POST", "clock", {"advance_seconds": 2 * 60})
    with pytest.raises(ClientError) as caught:
        streams.get_records(ShardIterator=it)
    assert caught.value.response["Error"]["Code"] == "ExpiredIteratorException"
    assert "further in the future than the tolerated delay of 900000 milliseconds" in \
        caught.value.response["Error"]["Message"]


def test_virtual_time_persists_across_a_restart(eddy_server, tmp_path):
    data = tmp_path / "clockdata"
    server = eddy_server(["--clock", "virtual"], data_dir=data)
    moved = ok(server.endpoint, "POST", "clock", {"set": "2035-01-01T00:00:00Z"})
    assert server.stop() == 0
    again = eddy_server(["--clock", "virtual"], data_dir=data)
    assert ok(again.endpoint, "GET", "clock")["epoch_seconds"] == moved["epoch_seconds"]
    # On the wall clock the offset is what persists.
    ok(again.endpoint, "POST", "clock", {"set": "2035-01-01T00:00:00Z"})  # still virtual
    assert again.stop() == 0
    wall = eddy_server(data_dir=data)
    offset = ok(wall.endpoint, "POST", "clock", {"advance_seconds": 7200})["offset_seconds"]
    assert wall.stop() == 0
    wall = eddy_server(data_dir=data)
    assert ok(wall.endpoint, "GET", "clock")["offset_seconds"] == pytest.approx(offset, abs=1)
