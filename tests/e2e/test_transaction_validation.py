"""How DynamoDB reports an invalid action inside TransactWriteItems and TransactGetItems, as recorded
against the service: a key of the wrong type, or missing a key attribute, cancels the transaction
with that action's ValidationError reason ("The provided key element does not match the schema")
and None for the others; an empty string key value is refused up front with a plain
ValidationException, as in a single-item write; a failed ConditionCheck is its
ConditionalCheckFailed reason. Nothing is written when a transaction is cancelled.
"""
import pytest

from e2e_helpers import target

pytestmark = pytest.mark.skipif(target.is_dynamodb_local, reason="DynamoDB Local reports these differently")

S = lambda v: {"S": v}  # noqa: E731
MISMATCH = "The provided key element does not match the schema"
CANCELED = "com.amazonaws.dynamodb.v20120810#TransactionCanceledException"
VALIDATION = "com.amazon.coral.validate#ValidationException"


@pytest.fixture
def table(raw, make_table):
    name = make_table("pk:S", AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                                    {"AttributeName": "g", "AttributeType": "S"}],
                      GlobalSecondaryIndexes=[{"IndexName": "by_g", "Projection": {"ProjectionType": "ALL"},
                                               "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}]}])
    assert raw("PutItem", {"TableName": name, "Item": {"pk": S("a"), "v": S("1")}}).status == 200
    return name


def cancelled(reasons):
    codes = ", ".join(r["Code"] for r in reasons)
    return {"__type": CANCELED, "CancellationReasons": reasons,
            "message": f"Transaction cancelled, please refer cancellation reasons for specific reasons [{codes}]"}


def items(raw, table):
    return sorted(i["pk"]["S"] for i in raw("Scan", {"TableName": table}).json["Items"])


@pytest.mark.parametrize("key", [{"pk": {"N": "1"}}, {"other": S("x")}, {"pk": S("a"), "other": S("x")}],
                         ids=["wrong-type", "missing-attribute", "extra-attribute"])
def test_write_with_a_key_that_does_not_fit(raw, table, key):
    resp = raw("TransactWriteItems", {"TransactItems": [
        {"Put": {"TableName": table, "Item": {"pk": S("b")}}},
        {"Update": {"TableName": table, "Key": key, "UpdateExpression": "SET v = :v",
                    "ExpressionAttributeValues": {":v": S("2")}}}]})
    assert resp.status == 400, resp
    assert resp.json == cancelled([{"Code": "None"}, {"Code": "ValidationError", "Message": MISMATCH}]), resp
    assert items(raw, table) == ["a"]


@pytest.mark.parametrize("action,message", [
    ({"Delete": {"Key": {"pk": S("")}}},
     "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
     "string value. Key: pk"),
    ({"Put": {"Item": {"pk": S("")}}},
     "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
     "string value. Key: pk"),
    ({"Put": {"Item": {"pk": S("c"), "g": S("")}}},
     "One or more parameter values are not valid. A value specified for a secondary index key is not supported. "
     "The AttributeValue for a key attribute cannot contain an empty string value. IndexName: by_g, IndexKey: g"),
], ids=["delete-empty-key", "put-empty-key", "put-empty-index-key"])
def test_write_with_an_empty_key_value_is_refused_up_front(raw, table, action, message):
    (kind, body), = action.items()
    resp = raw("TransactWriteItems", {"TransactItems": [
        {"Put": {"TableName": table, "Item": {"pk": S("b")}}}, {kind: dict(body, TableName=table)}]})
    assert resp.status == 400, resp
    assert resp.json == {"__type": VALIDATION, "message": message}, resp
    assert items(raw, table) == ["a"]


def test_condition_check_failure(raw, table):
    resp = raw("TransactWriteItems", {"TransactItems": [
        {"Put": {"TableName": table, "Item": {"pk": S("b")}}},
        {"ConditionCheck": {"TableName": table, "Key": {"pk": S("a")}, "ConditionExpression": "v = :v",
                            "ExpressionAttributeValues": {":v": S("other")}}}]})
    assert resp.status == 400, resp
    assert resp.json == cancelled([{"Code": "None"},
                                   {"Code": "ConditionalCheckFailed", "Message": "The conditional request failed"}])
    assert items(raw, table) == ["a"]


@pytest.mark.parametrize("key", [{"pk": {"N": "1"}}, {"other": S("x")}], ids=["wrong-type", "missing-attribute"])
def test_get_with_a_key_that_does_not_fit(raw, table, key):
    resp = raw("TransactGetItems", {"TransactItems": [{"Get": {"TableName": table, "Key": {"pk": S("a")}}},
                                                      {"Get": {"TableName": table, "Key": key}}]})
    assert resp.status == 400, resp
    assert resp.json == cancelled([{"Code": "None"}, {"Code": "ValidationError", "Message": MISMATCH}]), resp


def test_get_with_an_empty_key_value_is_refused_up_front(raw, table):
    resp = raw("TransactGetItems", {"TransactItems": [{"Get": {"TableName": table, "Key": {"pk": S("a")}}},
                                                      {"Get": {"TableName": table, "Key": {"pk": S("")}}}]})
    assert resp.status == 400, resp
    assert resp.json == {"__type": VALIDATION, "message": "One or more parameter values are not valid. The "
                         "AttributeValue for a key attribute cannot contain an empty string value. Key: pk"}, resp
