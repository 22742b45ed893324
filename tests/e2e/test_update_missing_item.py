"""UpdateItem (and a transaction's Update) on an item that is not there: an update that only removes
(REMOVE, DELETE, or AttributeUpdates with only DELETE) creates nothing, not even the bare key, and
writes no stream record; REMOVE of a missing nested path succeeds silently. The AWS documentation:
"Edits an existing item's attributes, or adds a new item to the table if it does not already exist"
applies to updates that set something; DynamoDB creates no empty item for a removal.
"""
import pytest
from botocore.exceptions import ClientError

from test_streams_support import create_stream_table, read_all, streams_client

KEY = {"pk": {"S": "k"}}


@pytest.fixture(scope="module")
def streams(endpoint):
    return streams_client(endpoint)


@pytest.fixture
def stream_table(ddb):
    name, arn = create_stream_table(ddb, "NEW_AND_OLD_IMAGES")
    yield name, arn
    try:
        ddb.delete_table(TableName=name)
    except ClientError:
        pass


def item_of(ddb, table):
    return ddb.get_item(TableName=table, Key=KEY, ConsistentRead=True).get("Item")


@pytest.mark.parametrize("args", [
    {"UpdateExpression": "REMOVE a"},
    {"UpdateExpression": "REMOVE a.b, c[0]"},
    {"UpdateExpression": "DELETE s :v", "ExpressionAttributeValues": {":v": {"SS": ["x"]}}},
    {"UpdateExpression": "REMOVE a DELETE s :v", "ExpressionAttributeValues": {":v": {"SS": ["x"]}}},
    {"AttributeUpdates": {"a": {"Action": "DELETE"}}},
    {"AttributeUpdates": {"s": {"Action": "DELETE", "Value": {"SS": ["x"]}}}},
], ids=["remove", "remove-nested", "delete", "remove-and-delete", "legacy-delete", "legacy-delete-value"])
def test_removal_from_missing_item_creates_nothing(ddb, streams, stream_table, args):
    table, arn = stream_table
    resp = ddb.update_item(TableName=table, Key=KEY, ReturnValues="ALL_NEW", **args)
    assert "Attributes" not in resp
    assert item_of(ddb, table) is None
    # A later write is the stream's only record: the removal wrote none.
    ddb.put_item(TableName=table, Item=dict(KEY, marker={"S": "after"}))
    records = read_all(streams, arn)
    assert [r["eventName"] for r in records] == ["INSERT"]
    assert records[0]["dynamodb"]["NewImage"]["marker"] == {"S": "after"}


def test_set_on_missing_item_still_creates_it(ddb, stream_table):
    table, _ = stream_table
    resp = ddb.update_item(TableName=table, Key=KEY, UpdateExpression="SET a = :v REMOVE b",
                           ExpressionAttributeValues={":v": {"N": "1"}}, ReturnValues="ALL_NEW")
    assert resp["Attributes"] == dict(KEY, a={"N": "1"})


def test_no_update_at_all_creates_the_key(ddb, stream_table):
    table, _ = stream_table
    ddb.update_item(TableName=table, Key=KEY)
    assert item_of(ddb, table) == KEY


def test_remove_of_missing_nested_path_on_existing_item(ddb, stream_table):
    table, _ = stream_table
    ddb.put_item(TableName=table, Item=dict(KEY, m={"M": {"x": {"S": "1"}}}, l={"L": [{"S": "a"}]}))
    resp = ddb.update_item(TableName=table, Key=KEY, UpdateExpression="REMOVE nope.b, m.y.z, l[5], nolist[0]",
                           ReturnValues="ALL_NEW")
    assert resp["Attributes"] == dict(KEY, m={"M": {"x": {"S": "1"}}}, l={"L": [{"S": "a"}]})


def test_remove_through_a_scalar_is_still_an_invalid_path(ddb, stream_table):
    table, _ = stream_table
    ddb.put_item(TableName=table, Item=dict(KEY, a={"S": "x"}))
    with pytest.raises(ClientError) as e:
        ddb.update_item(TableName=table, Key=KEY, UpdateExpression="REMOVE a.b")
    assert e.value.response["Error"]["Code"] == "ValidationException"
    assert e.value.response["Error"]["Message"] == (
        "The document path provided in the update expression is invalid for update")


def test_condition_is_still_checked(ddb, stream_table):
    table, _ = stream_table
    with pytest.raises(ClientError) as e:
        ddb.update_item(TableName=table, Key=KEY, UpdateExpression="REMOVE a", ConditionExpression="attribute_exists(pk)")
    assert e.value.response["Error"]["Code"] == "ConditionalCheckFailedException"


def test_transaction_update_that_removes_creates_nothing(ddb, streams, stream_table):
    table, arn = stream_table
    ddb.transact_write_items(TransactItems=[{"Update": {"TableName": table, "Key": KEY, "UpdateExpression": "REMOVE a"}}])
    assert item_of(ddb, table) is None
    assert read_all(streams, arn) == []
