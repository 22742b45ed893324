"""Writes whose secondary index key attribute exceeds DynamoDB's key limits (2,048 bytes for an index
partition key, 1,024 for an index sort key) are refused with DynamoDB's message naming the index and
the attribute, and store nothing (no item, no stream record) - whichever write operation carries them:
PutItem, UpdateItem, BatchWriteItem, TransactWriteItems or a PartiQL INSERT/UPDATE. An empty string
index key value in a write is refused too. The text is DynamoDB's, as recorded from AWS
("One or more parameter values were invalid: Size limit exceeded for Index Key componentId Actual Size:
2175 bytes Max Size: 2048 bytes IndexName: work-sets-index"); DynamoDB Local answers only
"... Size limit exceeded".
"""
import pytest

from test_streams_support import read_all, streams_client

S = lambda v: {"S": v}  # noqa: E731
KEY = {"pk": S("a"), "sk": S("1")}


def too_big(attribute, size, limit, index):
    return ("One or more parameter values were invalid: Size limit exceeded for Index Key "
            f"{attribute} Actual Size: {size} bytes Max Size: {limit} bytes IndexName: {index}")


@pytest.fixture
def table(raw, make_table):
    defs = [{
  "AttributeName" : n, "AttributeType" : "S"} for n in ("pk", "sk", "g", "h", "l")]
    name = make_table("pk:S", "sk:S", AttributeDefinitions=defs,
                      StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
                      GlobalSecondaryIndexes=[{
                          "IndexName": "by_gh", "Projection": {"ProjectionType": "ALL"},
                          "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"},
                                        {"AttributeName": "h", "KeyType": "RANGE"}]}],
                      LocalSecondaryIndexes=[{
                          "IndexName": "by_l", "Projection": {"ProjectionType": "KEYS_ONLY"},
                          "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                        {"AttributeName": "l", "KeyType": "RANGE"}]}])
    return name, make_table.last_description["LatestStreamArn"]


def assert_refused(resp, message):
    assert resp.status == 400, resp
    assert resp.json == {"__type": "com.amazon.coral.validate#ValidationException", "message": message}, resp


def assert_nothing_stored(ddb, endpoint, table, arn):
    assert "Item" not in ddb.get_item(TableName=table, Key=KEY, ConsistentRead=True)
    assert ddb.scan(TableName=table)["Items"] == []
    assert read_all(streams_client(endpoint), arn) == []


@pytest.mark.parametrize("attribute,size,limit,index", [
    ("g", 2049, 2048, "by_gh"), ("h", 1025, 1024, "by_gh"), ("l", 1025, 1024, "by_l")])
def test_put_item_over_the_index_key_limit(raw, ddb, endpoint, table, attribute, size, limit, index):
    name, arn = table
    resp = raw("PutItem", {"TableName": name, "Item": dict(KEY, **{attribute: S("x" * size)})})
    assert_refused(resp, too_big(attribute, size, limit, index))
    assert_nothing_stored(ddb, endpoint, name, arn)


def test_the_limits_themselves_are_accepted(raw, ddb, table):
    name, _ = table
    item = dict(KEY, g=S("x" * 2048), h=S("y" * 1024), l=S("z" * 1024))
    assert raw("PutItem", {"TableName": name, "Item": item}).status == 200
    assert ddb.query(TableName=name, IndexName="by_gh", KeyConditionExpression="g = :g",
                     ExpressionAttributeValues={":g": S("x" * 2048)})["Count"] == 1


def test_size_counts_utf8_bytes(raw, table):
    name, _ = table
    value = "\u00e9" * 1025  # 2,050 bytes in UTF-8, 1,025 characters
    resp = raw("PutItem", {"TableName": name, "Item": dict(KEY, g=S(value))})
    assert_refused(resp, too_big("g", 2050, 2048, "by_gh"))


def test_update_item_over_the_index_key_limit(raw, ddb, endpoint, table):
    name, arn = table
    resp = raw("UpdateItem", {"TableName": name, "Key": KEY, "UpdateExpression": "SET l = :v",
                              "ExpressionAttributeValues": {":v": S("x" * 1025)}})
    assert_refused(resp, too_big("l", 1025, 1024, "by_l"))
    assert_nothing_stored(ddb, endpoint, name, arn)


def test_update_item_keeps_the_old_item(raw, ddb, table):
    name, _ = table
    assert raw("PutItem", {"TableName": name, "Item": dict(KEY, g=S("small"))}).status == 200
    resp = raw("UpdateItem", {"TableName": name, "Key": KEY, "UpdateExpression": "SET g = :v",
                              "ExpressionAttributeValues": {":v": S("x" * 2049)}})
    assert_refused(resp, too_big("g", 2049, 2048, "by_gh"))
    assert ddb.get_item(TableName=name, Key=KEY, ConsistentRead=True)["Item"] == dict(KEY, g=S("small"))


def test_batch_write_item_over_the_index_key_limit(raw, ddb, endpoint, table):
    name, arn = table
    resp = raw("BatchWriteItem", {"RequestItems": {name: [
        {"PutRequest": {"Item": {"pk": S("b"), "sk": S("1")}}},
        {"PutRequest": {"Item": dict(KEY, h=S("x" * 1025))}}]}})
    assert_refused(resp, too_big("h", 1025, 1024, "by_gh"))
    assert_nothing_stored(ddb, endpoint, name, arn)


def assert_cancelled(resp, reasons):
    """DynamoDB reports an action's validation problem inside a transaction as its cancellation
    reason (TransactWriteItems API reference: "ValidationError ... an item attribute exceeds size
    limits"), the other actions' reasons None."""
    assert resp.status == 400, resp
    codes = ", ".join(r["Code"] for r in reasons)
    assert resp.json == {"__type": "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
                         "message": f"Transaction cancelled, please refer cancellation reasons for specific "
                                    f"reasons [{codes}]",
                         "CancellationReasons": reasons}, resp


def test_transact_write_items_over_the_index_key_limit(raw, ddb, endpoint, table):
    name, arn = table
    resp = raw("TransactWriteItems", {"TransactItems": [
        {"Put": {"TableName": name, "Item": {"pk": S("b"), "sk": S("1")}}},
        {"Put": {"TableName": name, "Item": dict(KEY, g=S("x" * 2049))}}]})
    assert_cancelled(resp, [{"Code": "None"},
                            {"Code": "ValidationError", "Message": too_big("g", 2049, 2048, "by_gh")}])
    assert_nothing_stored(ddb, endpoint, name, arn)


def test_transact_update_over_the_index_key_limit(raw, ddb, endpoint, table):
    name, arn = table
    resp = raw("TransactWriteItems", {"TransactItems": [
        {"Update": {"TableName": name, "Key": KEY, "UpdateExpression": "SET l = :v",
                    "ExpressionAttributeValues": {":v": S("x" * 1025)}}}]})
    assert_cancelled(resp, [{"Code": "ValidationError", "Message": too_big("l", 1025, 1024, "by_l")}])
    assert_nothing_stored(ddb, endpoint, name, arn)


def test_partiql_insert_and_update_over_the_index_key_limit(raw, ddb, endpoint, table):
    name, arn = table
    resp = raw("ExecuteStatement", {"Statement": f"INSERT INTO \"{name}\" VALUE {{'pk': 'a', 'sk': '1', "
                                                 f"'g': '{'x' * 2049}'}}"})
    assert_refused(resp, too_big("g", 2049, 2048, "by_gh"))
    assert_nothing_stored(ddb, endpoint, name, arn)
    assert raw("PutItem", {"TableName": name, "Item": KEY}).status == 200
    resp = raw("ExecuteStatement", {"Statement": f"UPDATE \"{name}\" SET l = '{'x' * 1025}' "
                                                 "WHERE pk = 'a' AND sk = '1'"})
    assert_refused(resp, too_big("l", 1025, 1024, "by_l"))
    assert ddb.get_item(TableName=name, Key=KEY, ConsistentRead=True)["Item"] == KEY


def test_empty_string_index_key_in_a_write(raw, ddb, endpoint, table):
    name, arn = table
    resp = raw("PutItem", {"TableName": name, "Item": dict(KEY, g=S(""))})
    assert_refused(resp, "One or more parameter values are not valid. A value specified for a secondary index "
                         "key is not supported. The AttributeValue for a key attribute cannot contain an empty "
                         "string value. IndexName: by_gh, IndexKey: g")
    resp = raw("BatchWriteItem", {"RequestItems": {name: [{"PutRequest": {"Item": dict(KEY, l=S(""))}}]}})
    assert_refused(resp, "One or more parameter values are not valid. A value specified for a secondary index "
                         "key is not supported. The AttributeValue for a key attribute cannot contain an empty "
                         "string value. IndexName: by_l, IndexKey: l")
    assert_nothing_stored(ddb, endpoint, name, arn)
