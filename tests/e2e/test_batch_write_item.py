"""BatchWriteItem: puts and deletes over several tables, validation of every request before anything
is written, DynamoDB's limits and messages, consumed capacity and item collection metrics.

Where DynamoDB Local answers differently from DynamoDB, `local=` holds DynamoDB Local's answer.
"""
import pytest

from e2e_helpers import assert_error, error_of, target

LOCAL_NO_TABLE = "Cannot do operations on a non-existent table"
KEY_MISMATCH = "The provided key element does not match the schema"
MAP_VALUES = ("failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than "
              "or equal to 25, Member must have length greater than or equal to 1]")


def s(value):
    return {"S": value}


def put(item):
    return {"PutRequest": {"Item": item}}


def delete(key):
    return {"DeleteRequest": {"Key": key}}


def get(ddb, table, key):
    return ddb.get_item(TableName=table, Key=key, ConsistentRead=True).get("Item")


@pytest.fixture
def tables(make_table):
    return make_table("pk:S"), make_table("pk:S", "sk:N")


def test_puts_and_deletes_over_tables(ddb, raw, tables):
    first, second = tables
    ddb.put_item(TableName=first, Item={"pk": s("old")})
    resp = raw("BatchWriteItem", {"RequestItems": {
        first: [put({"pk": s("a"), "v": s("1")}), delete({"pk": s("old")}), delete({"pk": s("never")})],
        second: [put({"pk": s("a"), "sk": {"N": "1"}, "v": s("2")})]}})
    assert resp.status == 200 and resp.json == {"UnprocessedItems": {}}, resp
    assert get(ddb, first, {"pk": s("a")}) == {"pk": s("a"), "v": s("1")}
    assert get(ddb, first, {"pk": s("old")}) is None
    assert get(ddb, second, {"pk": s("a"), "sk": {"N": "1"}}) == {"pk": s("a"), "sk": {"N": "1"}, "v": s("2")}


def test_put_replaces_whole_item(ddb, raw, tables):
    first, _ = tables
    ddb.put_item(TableName=first, Item={"pk": s("r"), "gone": s("x")})
    assert raw("BatchWriteItem", {"RequestItems": {first: [put({"pk": s("r"), "new": s("y")})]}}).status == 200
    assert get(ddb, first, {"pk": s("r")}) == {"pk": s("r"), "new": s("y")}


def test_twenty_five_writes_allowed(ddb, raw, tables):
    first, second = tables
    resp = raw("BatchWriteItem", {"RequestItems": {
        first: [put({"pk": s(str(i))}) for i in range(20)],
        second: [put({"pk": s("p"), "sk": {"N": str(i)}}) for i in range(5)]}})
    assert resp.status == 200 and resp.json["UnprocessedItems"] == {}, resp
    assert all(get(ddb, first, {"pk": s(str(i))}) for i in range(20))


@pytest.mark.parametrize("mode", ["TOTAL", "INDEXES"])
def test_consumed_capacity_per_table(raw, tables, mode):
    first, second = tables
    resp = raw("BatchWriteItem", {"ReturnConsumedCapacity": mode, "RequestItems": {
        first: [put({"pk": s("big"), "d": s("x" * 2000)}), delete({"pk": s("none")})],
        second: [put({"pk": s("a"), "sk": {"N": "1"}})]}})
    assert resp.status == 200, resp
    capacity = {entry["TableName"]: entry for entry in resp.json["ConsumedCapacity"]}
    assert set(capacity) == {first, second}
    if mode == "INDEXES":
        assert capacity[first]["Table"]["CapacityUnits"] == capacity[first]["CapacityUnits"]
    if not target.is_dynamodb_local:
        assert capacity[first]["CapacityUnits"] == 3.0  # a 2 KB put (2 units) and a delete (1 unit)
        assert capacity[second]["CapacityUnits"] == 1.0


def test_item_collection_metrics_for_tables_with_local_indexes(raw, make_table):
    table = make_table("pk:S", "sk:S", AttributeDefinitions=[
        {"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"},
        {"AttributeName": "l", "AttributeType": "S"}],
        LocalSecondaryIndexes=[{"IndexName": "by_l", "Projection": {"ProjectionType": "ALL"},
                                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                              {"AttributeName": "l", "KeyType": "RANGE"}]}])
    resp = raw("BatchWriteItem", {"ReturnItemCollectionMetrics": "SIZE", "RequestItems": {table: [
        put({"pk": s("a"), "sk": s("1"), "l": s("x")}), put({"pk": s("a"), "sk": s("2")}),
        delete({"pk": s("b"), "sk": s("1")})]}})
    assert resp.status == 200, resp
    if target.is_dynamodb_local:
        return  # DynamoDB Local never returns ItemCollectionMetrics
    metrics = resp.json["ItemCollectionMetrics"][table]
    assert sorted(m["ItemCollectionKey"]["pk"]["S"] for m in metrics) == ["a", "b"]
    assert all(m["SizeEstimateRangeGB"] == [0.0, 1.0] for m in metrics)


def test_no_item_collection_metrics_without_local_indexes(raw, tables):
    first, _ = tables
    resp = raw("BatchWriteItem", {"ReturnItemCollectionMetrics": "SIZE", "RequestItems": {first: [put({"pk": s("a")})]}})
    assert resp.status == 200 and "ItemCollectionMetrics" not in resp.json


def test_same_key_twice_refused(ddb, raw, tables):
    first, _ = tables
    for requests in ([put({"pk": s("d"), "v": s("1")}), delete({"pk": s("d")})],
                     [delete({"pk": s("d")}), put({"pk": s("d")})],
                     [put({"pk": s("d")}), put({"pk": s("d"), "v": s("2")})]):
        resp = raw("BatchWriteItem", {"RequestItems": {first: requests}})
        assert_error(resp, "ValidationException", "Provided list of item keys contains duplicates")
    assert get(ddb, first, {"pk": s("d")}) is None


def test_one_invalid_request_writes_nothing(ddb, raw, tables):
    first, second = tables
    resp = raw("BatchWriteItem", {"RequestItems": {
        first: [put({"pk": s("good")})],
        second: [put({"pk": s("a"), "sk": s("not a number")})]}})
    assert_error(resp, "ValidationException", KEY_MISMATCH,
                 local="One or more parameter values were invalid: Type mismatch for key")
    assert get(ddb, first, {"pk": s("good")}) is None


def test_oversized_item_writes_nothing(ddb, raw, tables):
    first, _ = tables
    resp = raw("BatchWriteItem", {"RequestItems": {first: [
        put({"pk": s("small")}), put({"pk": s("huge"), "d": s("x" * (400 * 1024))})]}})
    assert_error(resp, "ValidationException", "Item size has exceeded the maximum allowed size")
    assert get(ddb, first, {"pk": s("small")}) is None


def test_put_missing_key_attribute(raw, tables):
    first, _ = tables
    resp = raw("BatchWriteItem", {"RequestItems": {first: [put({"other": s("x")})]}})
    assert_error(resp, "ValidationException", KEY_MISMATCH, local="One of the required keys was not given a value")


def test_delete_key_of_wrong_type(raw, tables):
    first, _ = tables
    resp = raw("BatchWriteItem", {"RequestItems": {first: [delete({"pk": {"N": "1"}})]}})
    assert_error(resp, "ValidationException", KEY_MISMATCH,
                 local="One or more parameter values were invalid: Type mismatch for key")


def test_index_key_of_wrong_type(raw, make_table):
    table = make_table("pk:S", AttributeDefinitions=[
        {"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "g", "AttributeType": "S"}],
        GlobalSecondaryIndexes=[{"IndexName": "by_g", "Projection": {"ProjectionType": "ALL"},
                                 "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}]}])
    resp = raw("BatchWriteItem", {"RequestItems": {table: [put({"pk": s("a"), "g": {"N": "1"}})]}})
    assert_error(resp, "ValidationException",
                 "One or more parameter values were invalid: Type mismatch for Index Key g Expected: S Actual: N "
                 "IndexName: by_g", local="One or more parameter values were invalid: Type mismatch for Index Key")


def test_more_than_25_writes_over_tables(raw, tables):
    first, second = tables
    resp = raw("BatchWriteItem", {"RequestItems": {
        first: [put({"pk": s(str(i))}) for i in range(13)],
        second: [put({"pk": s("a"), "sk": {"N": str(i)}}) for i in range(13)]}})
    assert_error(resp, "ValidationException", "Too many items requested for the BatchWriteItem call")


def test_more_than_25_writes_in_one_table(raw, tables):
    first, _ = tables
    resp = raw("BatchWriteItem", {"RequestItems": {first: [put({"pk": s(str(i))}) for i in range(26)]}})
    code, message = error_of(resp)
    assert code == "ValidationException"
    if target.is_dynamodb_local:
        assert message == "Too many items requested for the BatchWriteItem call"
    else:
        assert message.startswith("1 validation error detected: Value '{") and message.endswith(MAP_VALUES)


def test_empty_list_for_a_table(raw, tables):
    first, _ = tables
    resp = raw("BatchWriteItem", {"RequestItems": {first: []}})
    code, message = error_of(resp)
    assert code == "ValidationException"
    if target.is_dynamodb_local:
        assert message == f"The batch write request list for a table cannot be null or empty: {first}"
    else:
        assert message.endswith(MAP_VALUES)


def test_missing_request_items(raw):
    assert_error(raw("BatchWriteItem", {}), "ValidationException",
                 "The requestItems parameter is required for BatchWriteItem",
                 local="BatchWriteItem cannot have a null or no requests set")
    assert_error(raw("BatchWriteItem", {"RequestItems": {}}), "ValidationException",
                 "The requestItems parameter is required for BatchWriteItem",
                 local="BatchWriteItem cannot have a null or no requests set")


def test_invalid_enums(raw, tables):
    if target.is_dynamodb_local:
        pytest.skip("DynamoDB Local accepts any ReturnConsumedCapacity/ReturnItemCollectionMetrics")
    first, _ = tables
    resp = raw("BatchWriteItem", {"RequestItems": {first: [put({"pk": s("a")})]},
                                  "ReturnConsumedCapacity": "hi", "ReturnItemCollectionMetrics": "hi"})
    assert_error(resp, "ValidationException",
                 "2 validation errors detected: Value 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: "
                 "Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; Value 'hi' at "
                 "'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: "
                 "[SIZE, NONE]")


@pytest.mark.parametrize("request_body", [{}, {"PutRequest": {"Item": {"pk": {"S": "a"}}},
                                               "DeleteRequest": {"Key": {"pk": {"S": "a"}}}}])
def test_write_request_needs_exactly_one_action(raw, tables, request_body):
    first, _ = tables
    resp = raw("BatchWriteItem", {"RequestItems": {first: [request_body]}})
    assert_error(resp, "ValidationException", "Supplied AttributeValue has more than one datatypes set, must contain "
                 "exactly one of the supported datatypes")


def test_put_request_without_item(raw, tables):
    first, _ = tables
    resp = raw("BatchWriteItem", {"RequestItems": {first: [{"PutRequest": {}}]}})
    assert_error(resp, "ValidationException",
                 f"1 validation error detected: Value null at 'requestItems.{first}.member.1.member.putRequest.item' "
                 "failed to satisfy constraint: Member must not be null",
                 local="The supplied Item contains a null AttributeValue")


def test_table_not_found(raw):
    resp = raw("BatchWriteItem", {"RequestItems": {"no_such_table_x": [put({"pk": s("a")})]}})
    assert_error(resp, "ResourceNotFoundException", "Requested resource not found", local=LOCAL_NO_TABLE)
