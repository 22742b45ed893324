"""The shop every client scenario models (support/orders.json, shared with the JavaScript
scenarios; support/orders.mjs lists the steps), and reading a stream back with boto3's
dynamodbstreams client."""
import copy
import json
import pathlib
import time

import boto3
from boto3.dynamodb.types import TypeDeserializer
from botocore.config import Config

_DATA = json.loads((pathlib.Path(__file__).parent / "support" / "orders.json").read_text())
ORDERS = _DATA["orders"]
NEW_ORDER = _DATA["newOrder"]
ALICE_ORDER_IDS = _DATA["aliceOrderIds"]
SHIPPED_ORDER_IDS = _DATA["shippedOrderIds"]
EXPECTED_EVENTS = _DATA["expectedEvents"]
EXPECTED_RECORD_COUNT = sum(len(events) for events in EXPECTED_EVENTS.values())
READ_TIMEOUT_S = 5

_deserializer = TypeDeserializer()


def create_table_request(name):
    return {"TableName": name, **copy.deepcopy(_DATA["createTable"])}


def plain(image):
    """An AttributeValue map as plain Python values (numbers as Decimal)."""
    return {k: _deserializer.deserialize(v) for k, v in image.items()}


def order_key(order):
    return f"{order['customerId']}/{order['orderId']}"


def streams_client(endpoint):
    return boto3.client("dynamodbstreams", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret",
                        config=Config(retries={"max_attempts": 1}))


def _read_shard(client, arn, shard_id):
    iterator = client.get_shard_iterator(StreamArn=arn, ShardId=shard_id,
                                         ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    records = []
    while iterator:
        page = client.get_records(ShardIterator=iterator)
        records += page["Records"]
        # An open shard always hands back a next iterator; an empty page is its end for now.
        iterator = page.get("NextShardIterator") if page["Records"] else None
    return records


def read_stream(client, arn, count):
    """Every record of the stream, shard by shard, polled until there are at least `count`."""
    deadline = time.monotonic() + READ_TIMEOUT_S
    while True:
        shards, start = [], None
        while True:
            kwargs = {"ExclusiveStartShardId": start} if start else {}
            description = client.describe_stream(StreamArn=arn, **kwargs)["StreamDescription"]
            shards += description["Shards"]
            start = description.get("LastEvaluatedShardId")
            if not start:
                break
        records = [r for shard in shards for r in _read_shard(client, arn, shard["ShardId"])]
        if len(records) >= count or time.monotonic() > deadline:
            return records
        time.sleep(0.05)


def events_by_key(records):
    events = {}
    for record in records:
        events.setdefault(order_key(plain(record["dynamodb"]["Keys"])), []).append(record["eventName"])
    return events
