"""TransactGetItems: up to 100 Gets over several tables from one snapshot, a projection per Get,
consumed capacity, and DynamoDB's validation and messages.

Where DynamoDB Local answers differently from DynamoDB, `local=` holds DynamoDB Local's answer.
"""
import pytest

from e2e_helpers import assert_error, error_of, target

LOCAL_NO_TABLE = "Cannot do operations on a non-existent table"


def s(value):
    return {"S": value}


def get(table, key, **extra):
    return {"Get": dict({"TableName": table, "Key": key}, **extra)}


@pytest.fixture
def tables(ddb, make_table):
    first, second = make_table("pk:S"), make_table("pk:S", "sk:N")
    ddb.put_item(TableName=first, Item={"pk": s("a"), "x": s("1"), "m": {"M": {"in": s("z"), "out": s("y")}}})
    ddb.put_item(TableName=second, Item={"pk": s("a"), "sk": {"N": "1"}, "v": s("one")})
    return first, second


def test_gets_in_request_order_with_missing_items(raw, tables):
    first, second = tables
    resp = raw("TransactGetItems", {"TransactItems": [
        get(second, {"pk": s("a"), "sk": {"N": "1"}}), get(first, {"pk": s("missing")}), get(first, {"pk": s("a")})]})
    assert resp.status == 200, resp
    responses = resp.json["Responses"]
    assert responses[0] == {"Item": {"pk": s("a"), "sk": {"N": "1"}, "v": s("one")}}
    assert responses[1] == {}
    assert responses[2]["Item"]["x"] == s("1")
    assert "ConsumedCapacity" not in resp.json


def test_projection_per_get(raw, tables):
    first, second = tables
    resp = raw("TransactGetItems", {"TransactItems": [
        get(first, {"pk": s("a")}, ProjectionExpression="#m.#i", ExpressionAttributeNames={"#m": "m", "#i": "in"}),
        get(second, {"pk": s("a"), "sk": {"N": "1"}}, ProjectionExpression="v")]})
    assert resp.status == 200, resp
    assert resp.json["Responses"] == [{"Item": {"m": {"M": {"in": s("z")}}}}, {"Item": {"v": s("one")}}]


@pytest.mark.parametrize("mode", ["TOTAL", "INDEXES"])
def test_consumed_capacity(raw, tables, mode):
    first, second = tables
    resp = raw("TransactGetItems", {"ReturnConsumedCapacity": mode, "TransactItems": [
        get(first, {"pk": s("a")}), get(second, {"pk": s("a"), "sk": {"N": "1"}}), get(second, {"pk": s("b"), "sk": {"N": "1"}})]})
    assert resp.status == 200, resp
    capacity = {entry["TableName"]: entry["CapacityUnits"] for entry in resp.json["ConsumedCapacity"]}
    assert capacity == {first: 2.0, second: 4.0}  # each transactional read of up to 4 KB costs 2 units


def test_same_item_twice_refused(raw, tables):
    first, _ = tables
    resp = raw("TransactGetItems", {"TransactItems": [get(first, {"pk": s("a")}), get(first, {"pk": s("a")})]})
    assert_error(resp, "ValidationException", "Transaction request cannot include multiple operations on one item")


def test_more_than_100_gets(raw, tables):
    first, _ = tables
    resp = raw("TransactGetItems", {"TransactItems": [get(first, {"pk": s(str(i))}) for i in range(101)]})
    code, message = error_of(resp)
    assert code == "ValidationException" and message.endswith("Member must have length less than or equal to 100")


def test_entry_without_get(raw):
    if target.is_dynamodb_local:
        pytest.skip("DynamoDB Local names the whole list")
    assert_error(raw("TransactGetItems", {"TransactItems": [{}]}), "ValidationException",
                 "1 validation error detected: Value null at 'transactItems.1.member.get' failed to satisfy "
                 "constraint: Member must not be null")


def test_missing_transact_items(raw):
    message = "Value null at 'transactItems' failed to satisfy constraint: Member must not be null"
    assert_error(raw("TransactGetItems", {}), "ValidationException", "1 validation error detected: " + message,
                 local=message)


def test_key_not_matching_schema(raw, tables):
    first, _ = tables
    resp = raw("TransactGetItems", {"TransactItems": [get(first, {"pk": {"N": "1"}})]})
    # An action's ValidationError cancellation reason, as recorded from DynamoDB
    # (test_transaction_validation.py).
    assert_error(resp, "TransactionCanceledException",
                 "Transaction cancelled, please refer cancellation reasons for specific reasons [ValidationError]",
                 local="One or more parameter values were invalid: Type mismatch for key")


def test_table_not_found(raw):
    resp = raw("TransactGetItems", {"TransactItems": [get("no_such_table_x", {"pk": s("a")})]})
    assert_error(resp, "ResourceNotFoundException", "Requested resource not found", local=LOCAL_NO_TABLE)
