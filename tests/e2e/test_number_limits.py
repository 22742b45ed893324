"""Arithmetic past DynamoDB's number range and precision, in every update form (SET +/-, ADD,
AttributeUpdates ADD, a transaction's Update): the write is refused with DynamoDB's
ValidationException and the stored number is left as it was. Numbers hold 38 significant digits
and magnitudes from 1E-130 to 9.99...E+125 (the API reference's "Data types"). Also Scan's and
Query's ConsumedCapacity: the size of every item read, summed, rounded up to the next 4 KB, one unit
each with ConsistentRead and half a unit without.
"""
import pytest

OVERFLOW = "Number overflow. Attempting to store a number with magnitude larger than supported range"
PRECISION = "DynamoDB only supports precision up to 38 digits"
N = lambda v: {"N": v}  # noqa: E731
KEY = {"pk": {"S": "k"}}


@pytest.fixture
def table(raw, make_table):
    name = make_table("pk:S")
    assert raw("PutItem", {"TableName": name, "Item": dict(KEY, n=N("9E+125"), one=N("1"))}).status == 200
    return name


def stored(raw, table):
    return raw("GetItem", {"TableName": table, "Key": KEY, "ConsistentRead": True}).json["Item"]


def assert_refused(raw, table, resp, message):
    assert resp.status == 400, resp
    assert resp.json == {"__type": "com.amazon.coral.validate#ValidationException", "message": message}, resp
    item = stored(raw, table)
    assert item["one"] == N("1") and item["n"]["N"].lstrip("9").strip("0") == "" and len(item["n"]["N"]) == 126


@pytest.mark.parametrize("expression,values,message", [
    ("SET n = n + :v", {":v": N("9E+125")}, OVERFLOW),
    ("SET n = :v - n", {":v": N("-9E+125")}, OVERFLOW),
    ("ADD n :v", {":v": N("1E+125")}, OVERFLOW),
    ("SET one = one + :v", {":v": N("1E-40")}, PRECISION),
    ("ADD one :v", {":v": N("1" + "0" * 38)}, PRECISION),
], ids=["set-plus", "set-minus-negative", "add", "set-precision", "add-precision"])
def test_update_expression_arithmetic(raw, table, expression, values, message):
    resp = raw("UpdateItem", {"TableName": table, "Key": KEY, "UpdateExpression": expression,
                              "ExpressionAttributeValues": values})
    assert_refused(raw, table, resp, message)


def test_attribute_updates_add(raw, table):
    resp = raw("UpdateItem", {"TableName": table, "Key": KEY,
                              "AttributeUpdates": {"n": {"Action": "ADD", "Value": N("9E+125")}}})
    assert_refused(raw, table, resp, OVERFLOW)


def test_the_largest_results_are_kept(raw, table):
    resp = raw("UpdateItem", {"TableName": table, "Key": KEY, "UpdateExpression": "SET one = one + :v",
                              "ExpressionAttributeValues": {":v": N("9" * 37 + "8")}, "ReturnValues": "UPDATED_NEW"})
    assert resp.json == {"Attributes": {"one": N("9" * 38)}}, resp


def test_transaction_update_overflow(raw, table):
    resp = raw("TransactWriteItems", {"TransactItems": [{"Update": {
        "TableName": table, "Key": KEY, "UpdateExpression": "ADD n :v", "ExpressionAttributeValues": {":v": N("9E+125")}}}]})
    assert resp.status == 400, resp
    assert resp.json["__type"].endswith("#TransactionCanceledException"), resp
    assert resp.json["CancellationReasons"] == [{"Code": "ValidationError", "Message": OVERFLOW}]


@pytest.mark.parametrize("consistent,units", [(False, 2.0), (True, 4.0)])
def test_scan_and_query_capacity_rounding(raw, make_table, consistent, units):
    name = make_table("pk:S", "sk:S")
    for i in range(5):  # 5 items of 3,011 bytes: 15,055 bytes, 3.7 blocks of 4 KB
        assert raw("PutItem", {"TableName": name, "Item": {"pk": {"S": "a"}, "sk": {"S": str(i)},
                                                          "d": {"S": "x" * 3000}}}).status == 200
    common = {"TableName": name, "ConsistentRead": consistent, "ReturnConsumedCapacity": "TOTAL", "Select": "COUNT"}
    scan = raw("Scan", common).json
    assert scan["ConsumedCapacity"] == {"TableName": name, "CapacityUnits": units}, scan
    query = raw("Query", dict(common, KeyConditionExpression="pk = :p",
                              ExpressionAttributeValues={":p": {"S": "a"}})).json
    assert query["ConsumedCapacity"] == {"TableName": name, "CapacityUnits": units}, query
    one = raw("Scan", dict(common, Limit=1)).json
    assert one["ConsumedCapacity"] == {"TableName": name, "CapacityUnits": units / 4}, one
