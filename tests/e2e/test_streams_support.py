"""Helpers shared by the DynamoDB Streams and TTL tests (no tests here).

A consumer follows a stream the way the Kinesis Client Library does: it lists the shards with
DescribeStream (paging), reads a child shard only after its parent is finished (GetRecords without
NextShardIterator), and so receives every record of an item in order.
"""
import base64
import struct
import uuid

import boto3
from botocore.config import Config


def streams_client(endpoint):
    return boto3.client("dynamodbstreams", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret",
                        config=Config(retries={"max_attempts": 1}, connect_timeout=10, read_timeout=60))


def new_name():
    return f"s_{uuid.uuid4().hex[:8]}"


def create_stream_table(ddb, view_type="NEW_AND_OLD_IMAGES", range_key=None, name=None):
    name = name or new_name()
    keys = [{"AttributeName": "pk", "KeyType": "HASH"}]
    defs = [{"AttributeName": "pk", "AttributeType": "S"}]
    if range_key:
        keys.append({"AttributeName": range_key, "KeyType": "RANGE"})
        defs.append({"AttributeName": range_key, "AttributeType": "N"})
    spec = {"StreamEnabled": True, "StreamViewType": view_type} if view_type else {"StreamEnabled": False}
    desc = ddb.create_table(TableName=name, KeySchema=keys, AttributeDefinitions=defs,
                            BillingMode="PAY_PER_REQUEST", StreamSpecification=spec)["TableDescription"]
    return name, desc.get("LatestStreamArn")


def all_shards(streams, arn, limit=None):
    shards, start = [], None
    while True:
        kwargs = {"StreamArn": arn}
        if limit:
            kwargs["Limit"] = limit
        if start:
            kwargs["ExclusiveStartShardId"] = start
        desc = streams.describe_stream(**kwargs)["StreamDescription"]
        shards += desc["Shards"]
        start = desc.get("LastEvaluatedShardId")
        if not start:
            return shards


def read_shard(streams, iterator, limit=None):
    """Every record from `iterator` until a GetRecords page comes back empty or the shard ends.
    Returns (records, next_iterator or None)."""
    records = []
    while iterator:
        kwargs = {"ShardIterator": iterator}
        if limit:
            kwargs["Limit"] = limit
        page = streams.get_records(**kwargs)
        records += page["Records"]
        iterator = page.get("NextShardIterator")
        if not page["Records"]:
            break
    return records, iterator


def read_all(streams, arn):
    """Every retained record of the stream, following lineage (parents before children)."""
    shards = {s["ShardId"]: s for s in all_shards(streams, arn)}
    done, out = set(), []
    progress = True
    while progress:
        progress = False
        for shard_id, shard in sorted(shards.items()):
            parent = shard.get("ParentShardId")
            if shard_id in done or (parent in shards and parent not in done):
                continue
            it = streams.get_shard_iterator(StreamArn=arn, ShardId=shard_id,
                                            ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
            records, it = read_shard(streams, it)
            while it and "EndingSequenceNumber" in shard["SequenceNumberRange"]:
                more, it = read_shard(streams, it)
                records += more
            out += records
            done.add(shard_id)
            progress = True
    return out


def forge_iterator(iterator, issued_ms):
    """The same iterator issued at `issued_ms` (see src/streams/shard_iterator.h for the format)."""
    arn, _, payload = iterator.rpartition("|1|")
    fields = base64.b64decode(payload)[:28]
    stream_id, shard_number, position, _ = struct.unpack(">QIQQ", fields)
    fields = struct.pack(">QIQQ", stream_id, shard_number, position, issued_ms)
    check = (0xcbf29ce484222325 ^ 0x65646479)
    for byte in arn.encode() + fields:
        check ^= byte
        check = (check * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return arn + "|1|" + base64.b64encode(fields + struct.pack(">Q", check)).decode()
