"""DynamoDB's limit of 32 nesting levels for attribute values (an item or key counts as the first),
for items, keys, ExpressionAttributeValues and the legacy parameters alike, and for the items
updates produce. Recorded against DynamoDB Local, which agrees with DynamoDB's documented limit.
"""
import json

import pytest

from e2e_helpers import assert_error

TOO_DEEP = ("Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond "
            "supported limit")


def nested(levels, kind="M"):
    """`levels` maps (or lists) around {"S": "x"}."""
    value = {"S": "x"}
    for _ in range(levels):
        value = {"M": {"a": value}} if kind == "M" else {"L": [value]}
    return value


@pytest.fixture
def table(make_table):
    return make_table("pk:S")


@pytest.mark.parametrize("kind", ["M", "L"])
def test_item_attributes_nest_31_levels_below_the_item(raw, table, kind):
    assert raw("PutItem", {"TableName": table, "Item": {"pk": {"S": "a"}, "d": nested(31, kind)}}).status == 200
    got = raw("GetItem", {"TableName": table, "Key": {"pk": {"S": "a"}}})
    assert got.json["Item"]["d"] == nested(31, kind)
    resp = raw("PutItem", {"TableName": table, "Item": {"pk": {"S": "b"}, "d": nested(32, kind)}})
    assert resp.status == 400
    assert_error(resp, "ValidationException", TOO_DEEP)
    assert "Item" not in raw("GetItem", {"TableName": table, "Key": {"pk": {"S": "b"}}}).json


def test_keys(raw, table):
    resp = raw("GetItem", {"TableName": table, "Key": {"pk": nested(32)}})
    assert_error(resp, "ValidationException", TOO_DEEP)


def test_expression_attribute_values_nest_32_levels(raw, table):
    def put(levels):
        return raw("PutItem", {"TableName": table, "Item": {"pk": {"S": "c"}},
                               "ConditionExpression": "attribute_not_exists(zz) OR d = :v",
                               "ExpressionAttributeValues": {":v": nested(levels)}})
    assert put(32).status == 200
    assert_error(put(33), "ValidationException",
                 "ExpressionAttributeValues contains invalid value: " + TOO_DEEP + " for key :v")


@pytest.mark.parametrize("operation, body", [
    ("PutItem", lambda t, v: {"TableName": t, "Item": {"pk": {"S": "e"}}, "Expected": {"d": {"Value": v}}}),
    ("Scan", lambda t, v: {"TableName": t, "ScanFilter": {"d": {"AttributeValueList": [v],
                                                               "ComparisonOperator": "EQ"}}}),
    ("Query", lambda t, v: {"TableName": t, "KeyConditions": {"pk": {"AttributeValueList": [{"S": "e"}],
                                                                     "ComparisonOperator": "EQ"}},
                            "QueryFilter": {"d": {"AttributeValueList": [v], "ComparisonOperator": "EQ"}}}),
    ("UpdateItem", lambda t, v: {"TableName": t, "Key": {"pk": {"S": "e"}},
                                 "AttributeUpdates": {"d": {"Value": v, "Action": "PUT"}}}),
])
def test_legacy_parameters(raw, table, operation, body):
    assert_error(raw(operation, body(table, nested(33))), "ValidationException", TOO_DEEP)
    # A legacy value on its own may nest 32 levels (the PutItem's condition then simply fails).
    resp = raw(operation, body(table, nested(32)))
    if operation == "PutItem":
        assert_error(resp, "ConditionalCheckFailedException", "The conditional request failed")
    else:
        assert resp.status == 200, resp


def test_batches_and_transactions(raw, table):
    item = {"pk": {"S": "f"}, "d": nested(32)}
    assert_error(raw("BatchWriteItem", {"RequestItems": {table: [{"PutRequest": {"Item": item}}]}}),
                 "ValidationException", TOO_DEEP)
    assert_error(raw("TransactWriteItems", {"TransactItems": [{"Put": {"TableName": table, "Item": item}}]}),
                 "ValidationException", TOO_DEEP)


def test_an_update_cannot_nest_an_item_deeper(raw, table):
    assert raw("PutItem", {"TableName": table, "Item": {"pk": {"S": "g"}, "d": nested(31)}}).status == 200

    def set_at(path, levels):
        return raw("UpdateItem", {"TableName": table, "Key": {"pk": {"S": "g"}}, "UpdateExpression": f"SET {path} = :v",
                                  "ExpressionAttributeValues": {":v": nested(levels)}})
    assert set_at("d.a", 30).status == 200  # d.a is at level 3: 30 more reach level 32
    resp = set_at("d.a.a", 30)
    assert_error(resp, "ValidationException", "Nesting Levels have exceeded supported limits")
    got = raw("GetItem", {"TableName": table, "Key": {"pk": {"S": "g"}}})
    assert got.json["Item"]["d"] == {"M": {"a": nested(30)}}


def test_deep_values_far_below_the_json_cap_get_the_nesting_error(raw, table):
    # 400 levels of lists: deep JSON, but well within what eddy parses; the attribute check answers.
    body = ('{"TableName": ' + json.dumps(table) + ', "Item": {"pk": {"S": "h"}, "d": ' +
            '{"L": [' * 400 + '{"S": "x"}' + ']}' * 400 + '}}')
    assert_error(raw("PutItem", body), "ValidationException", TOO_DEEP)
