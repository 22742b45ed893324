"""boto3 (Debian's python3-boto3) runs the shop scenario (support/orders.mjs) with each of its
APIs: the resource API (Table, batch_writer, conditions from boto3.dynamodb.conditions, Decimal
numbers), the client API (transactions, the query paginator, modelled exceptions) and the
dynamodbstreams client."""
from decimal import Decimal

import boto3
import pytest
from boto3.dynamodb.conditions import Attr, Key
from boto3.dynamodb.types import TypeSerializer
from botocore.config import Config
from botocore.exceptions import ClientError

import shop
from conftest import make_client, unique_table_name

serialize = TypeSerializer().serialize


def as_stored(order):
    """An order as the resource API returns it: numbers are Decimals."""
    return {k: Decimal(v) if isinstance(v, int) else v for k, v in order.items()}


def attribute_values(order):
    return {k: serialize(v) for k, v in order.items()}


@pytest.fixture(scope="module")
def scenario(endpoint):
    client = make_client(endpoint)
    resource = boto3.resource("dynamodb", endpoint_url=endpoint, region_name="us-east-1",
                              aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret",
                              config=Config(retries={"max_attempts": 1}))
    name = unique_table_name()
    created = client.create_table(**shop.create_table_request(name))
    table = resource.Table(name)
    table.wait_until_exists()
    yield client, table, created["TableDescription"]["LatestStreamArn"]
    client.delete_table(TableName=name)


def test_1_batch_writer_and_a_refused_conditional_put(scenario):
    client, table, _ = scenario
    with table.batch_writer() as batch:
        for order in shop.ORDERS:
            batch.put_item(Item=order)
    with pytest.raises(client.exceptions.ConditionalCheckFailedException) as refused:
        table.put_item(Item=shop.ORDERS[0], ConditionExpression=Attr("orderId").not_exists())
    assert refused.value.response["Error"]["Message"] == "The conditional request failed"
    got = table.get_item(Key={"customerId": "alice", "orderId": "o01"})["Item"]
    assert got == as_stored(shop.ORDERS[0])


def test_2_conditional_update_succeeds_once(scenario):
    client, table, _ = scenario
    cancel = dict(Key={"customerId": "alice", "orderId": "o01"}, UpdateExpression="SET #s = :c",
                  ConditionExpression=Attr("status").eq("PENDING"), ExpressionAttributeNames={"#s": "status"},
                  ExpressionAttributeValues={":c": "CANCELLED"}, ReturnValues="ALL_OLD")
    assert table.update_item(**cancel)["Attributes"] == as_stored(shop.ORDERS[0])
    with pytest.raises(ClientError) as refused:
        table.update_item(**cancel)
    assert refused.value.response["Error"]["Code"] == "ConditionalCheckFailedException"


def test_3_transactions_commit_together_or_not_at_all(scenario):
    client, table, _ = scenario
    name = table.name
    pending = {":p": {"S": "PENDING"}}
    client.transact_write_items(TransactItems=[
        {"Update": {"TableName": name, "Key": attribute_values({"customerId": "alice", "orderId": "o03"}),
                    "UpdateExpression": "SET #s = :s", "ConditionExpression": "#s = :p",
                    "ExpressionAttributeNames": {"#s": "status"},
                    "ExpressionAttributeValues": {":s": {"S": "SHIPPED"}, **pending}}},
        {"Put": {"TableName": name, "Item": attribute_values(shop.NEW_ORDER),
                 "ConditionExpression": "attribute_not_exists(customerId)"}},
    ])
    with pytest.raises(client.exceptions.TransactionCanceledException) as cancelled:
        client.transact_write_items(TransactItems=[
            {"Update": {"TableName": name, "Key": attribute_values({"customerId": "alice", "orderId": "o05"}),
                        "UpdateExpression": "SET #s = :s", "ExpressionAttributeNames": {"#s": "status"},
                        "ExpressionAttributeValues": {":s": {"S": "SHIPPED"}}}},
            {"ConditionCheck": {"TableName": name, "Key": attribute_values({"customerId": "alice", "orderId": "o01"}),
                                "ConditionExpression": "#s = :p", "ExpressionAttributeNames": {"#s": "status"},
                                "ExpressionAttributeValues": pending}},
        ])
    error = cancelled.value.response
    assert [r["Code"] for r in error["CancellationReasons"]] == ["None", "ConditionalCheckFailed"]
    assert error["Error"]["Message"] == ("Transaction cancelled, please refer cancellation reasons for specific "
                                         "reasons [None, ConditionalCheckFailed]")
    assert table.get_item(Key={"customerId": "alice", "orderId": "o05"})["Item"]["status"] == "PENDING"


def test_4_queries_page_through_the_table_and_the_index(scenario):
    client, table, _ = scenario
    paginator = client.get_paginator("query")
    pages = paginator.paginate(TableName=table.name, KeyConditionExpression="customerId = :c",
                               ExpressionAttributeValues={":c": {"S": "alice"}}, PaginationConfig={"PageSize": 3})
    assert [[o["orderId"]["S"] for o in page["Items"]] for page in pages] == [
        ["o01", "o02", "o03"], ["o04", "o05", "o06"], ["o07"]]
    shipped, start = [], {}
    while True:
        page = table.query(IndexName="byStatus", KeyConditionExpression=Key("status").eq("SHIPPED"), Limit=2, **start)
        assert len(page["Items"]) <= 2
        shipped += [o["orderId"] for o in page["Items"]]
        if "LastEvaluatedKey" not in page:
            break
        start = {"ExclusiveStartKey": page["LastEvaluatedKey"]}
    assert shipped == shop.SHIPPED_ORDER_IDS
    late = table.query(KeyConditionExpression=Key("customerId").eq("alice") & Key("orderId").between("o04", "o06"),
                       FilterExpression=Attr("total").gte(Decimal(50)), ScanIndexForward=False)
    assert [o["orderId"] for o in late["Items"]] == ["o06", "o05"]
    assert late["ScannedCount"] == 3 and late["Count"] == 2


def test_5_the_dynamodbstreams_client_reads_every_change(scenario, endpoint):
    client, table, arn = scenario
    table.delete_item(Key={"customerId": "bob", "orderId": "o01"})
    records = shop.read_stream(shop.streams_client(endpoint), arn, shop.EXPECTED_RECORD_COUNT)
    assert shop.events_by_key(records) == shop.EXPECTED_EVENTS
    shipped = next(r for r in records if r["eventName"] == "MODIFY" and r["dynamodb"]["Keys"]["orderId"]["S"] == "o03")
    assert shop.plain(shipped["dynamodb"]["OldImage"]) == as_stored(shop.ORDERS[2])
    assert shop.plain(shipped["dynamodb"]["NewImage"]) == {**as_stored(shop.ORDERS[2]), "status": "SHIPPED"}
