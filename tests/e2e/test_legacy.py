"""The legacy (pre-expression) parameters older SDK code still sends: Expected (Value/Exists and
ComparisonOperator with AttributeValueList), ConditionalOperator, AttributeUpdates (PUT, ADD,
DELETE) and AttributesToGet, with DynamoDB's errors.
"""
import pytest
from botocore.exceptions import ClientError

from e2e_helpers import assert_error, target

INVALID = "One or more parameter values were invalid: "
ITEM = {"pk": {"S": "k"}, "n": {"N": "10"}, "s": {"S": "hello"}, "ss": {"SS": ["a", "b"]},
        "l": {"L": [{"S": "x"}]}, "z": {"NULL": True}}


@pytest.fixture
def table(ddb, make_table):
    name = make_table("pk:S")
    ddb.put_item(TableName=name, Item=ITEM)
    return name


def expected_holds(ddb, table, expected, operator=None):
    args = dict(TableName=table, Item=ITEM, Expected=expected)
    if operator:
        args["ConditionalOperator"] = operator
    try:
        ddb.put_item(**args)
        return True
    except ClientError as e:
        if e.response["Error"]["Code"] == "ConditionalCheckFailedException":
            return False
        raise


def N(n):
    return {"N": str(n)}


def S(s):
    return {"S": s}


# --- Expected -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("condition, result", [
    ({"n": {"Value": N(10)}}, True),
    ({"n": {"Value": N(11)}}, False),
    ({"n": {"Value": N(10), "Exists": True}}, True),
    ({"gone": {"Exists": False}}, True),
    ({"n": {"Exists": False}}, False),
    ({"gone": {"Value": N(1)}}, False),
])
def test_expected_value_and_exists(ddb, table, condition, result):
    assert expected_holds(ddb, table, condition) is result


@pytest.mark.parametrize("attribute, operator, values, result", [
    ("n", "EQ", [N(10)], True), ("n", "EQ", [S("10")], False), ("n", "NE", [N(11)], True),
    ("gone", "NE", [N(11)], True), ("n", "LE", [N(10)], True), ("n", "LT", [N(10)], False),
    ("n", "GE", [N(10)], True), ("n", "GT", [N(9)], True), ("n", "GT", [N(10)], False),
    ("n", "NOT_NULL", [], True), ("gone", "NOT_NULL", [], False), ("gone", "NULL", [], True),
    ("z", "NULL", [], False),
    ("s", "CONTAINS", [S("ell")], True), ("ss", "CONTAINS", [S("a")], True), ("l", "CONTAINS", [S("x")], True),
    ("s", "NOT_CONTAINS", [S("zz")], True), ("ss", "NOT_CONTAINS", [S("a")], False),
    ("s", "BEGINS_WITH", [S("he")], True), ("s", "BEGINS_WITH", [S("el")], False),
    ("n", "IN", [N(1), N(10)], True), ("n", "IN", [N(1), N(2)], False),
    ("n", "BETWEEN", [N(5), N(10)], True), ("n", "BETWEEN", [N(11), N(12)], False),
])
def test_expected_comparison_operators(ddb, table, attribute, operator, values, result):
    condition = {attribute: {"ComparisonOperator": operator, "AttributeValueList": values}}
    assert expected_holds(ddb, table, condition) is result


def test_expected_value_with_a_comparison_operator(ddb, table):
    assert expected_holds(ddb, table, {"n": {"ComparisonOperator": "GT", "Value": N(1)}}) is True


def test_conditional_operator(ddb, table):
    one_true = {"n": {"Value": N(10)}, "s": {"Value": S("nope")}}
    assert expected_holds(ddb, table, one_true) is False
    assert expected_holds(ddb, table, one_true, "AND") is False
    assert expected_holds(ddb, table, one_true, "OR") is True


def test_failed_expected_returns_the_item_when_asked(raw, table):
    resp = raw("DeleteItem", {"TableName": table, "Key": {"pk": S("k")}, "Expected": {"n": {"Value": N(1)}},
                              "ReturnValuesOnConditionCheckFailure": "ALL_OLD"})
    assert_error(resp, "ConditionalCheckFailedException", "The conditional request failed")
    assert resp.json["Item"] == ITEM


@pytest.mark.parametrize("expected, message", [
    ({"n": {"Exists": False, "Value": N(1)}}, INVALID + "Value cannot be used when Exists is false for Attribute: n"),
    ({"n": {"Exists": True}}, INVALID + "Value must be provided when Exists is true for Attribute: n"),
    ({"n": {}}, INVALID + "Value must be provided when Exists is null for Attribute: n"),
    ({"n": {"AttributeValueList": [N(1)]}},
     INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: n"),
    ({"n": {"ComparisonOperator": "BETWEEN", "AttributeValueList": [N(1)]}},
     INVALID + "Invalid number of argument(s) for the BETWEEN ComparisonOperator"),
    ({"n": {"ComparisonOperator": "NULL", "AttributeValueList": [N(1)]}},
     INVALID + "Invalid number of argument(s) for the NULL ComparisonOperator"),
    ({"n": {"ComparisonOperator": "EQ", "AttributeValueList": []}},
     INVALID + "Invalid number of argument(s) for the EQ ComparisonOperator"),
    ({"n": {"ComparisonOperator": "EQ", "Exists": True, "AttributeValueList": [N(1)]}},
     INVALID + "Exists and ComparisonOperator cannot be used together for Attribute: n"),
    ({"n": {"ComparisonOperator": "EQ", "Value": N(1), "AttributeValueList": [N(1)]}},
     INVALID + "Value and AttributeValueList cannot be used together for Attribute: n"),
    ({"n": {"ComparisonOperator": "LT", "AttributeValueList": [{"SS": ["a"]}]}},
     INVALID + "ComparisonOperator LT is not valid for SS AttributeValue type"),
    ({"n": {"ComparisonOperator": "BETWEEN", "AttributeValueList": [N(2), N(1)]}},
     "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound"),
])
def test_expected_errors(raw, table, expected, message):
    resp = raw("PutItem", {"TableName": table, "Item": ITEM, "Expected": expected})
    assert_error(resp, "ValidationException", message)


def test_conditional_operator_errors(raw, table):
    resp = raw("PutItem", {"TableName": table, "Item": ITEM, "ConditionalOperator": "OR"})
    assert_error(resp, "ValidationException", "ConditionalOperator cannot be used without Filter or Expected")
    resp = raw("PutItem", {"TableName": table, "Item": ITEM, "ConditionalOperator": "OR",
                           "Expected": {"n": {"Value": N(10)}}})
    assert_error(resp, "ValidationException",
                 "ConditionalOperator can only be used when Filter or Expected has two or more elements")


# --- AttributeUpdates ---------------------------------------------------------------------------------

def get(ddb, table):
    return ddb.get_item(TableName=table, Key={"pk": S("k")}, ConsistentRead=True)["Item"]


def test_attribute_updates_put_add_delete(ddb, table):
    ddb.update_item(TableName=table, Key={"pk": S("k")}, AttributeUpdates={
        "s": {"Action": "PUT", "Value": S("new")},
        "n": {"Action": "ADD", "Value": N(-3)},
        "ss": {"Action": "DELETE", "Value": {"SS": ["a"]}},
        "l": {"Action": "ADD", "Value": {"L": [S("y")]}},
        "z": {"Action": "DELETE"},
        "fresh": {"Action": "ADD", "Value": {"NS": ["1"]}},
    })
    item = get(ddb, table)
    assert item == {"pk": S("k"), "s": S("new"), "n": N(7), "ss": {"SS": ["b"]}, "l": {"L": [S("x"), S("y")]},
                    "fresh": {"NS": ["1"]}}


def test_attribute_updates_action_defaults_to_put(ddb, table):
    if target.is_dynamodb_local:
        pytest.skip("DynamoDB Local ignores an AttributeUpdates entry without Action")
    ddb.update_item(TableName=table, Key={"pk": S("k")}, AttributeUpdates={"s": {"Value": S("new")}})
    assert get(ddb, table)["s"] == S("new")


def test_attribute_updates_create_the_item_and_return_values(ddb, table):
    resp = ddb.update_item(TableName=table, Key={"pk": S("new")}, ReturnValues="ALL_NEW",
                           AttributeUpdates={"n": {"Action": "ADD", "Value": N(1)}})
    assert resp["Attributes"] == {"pk": S("new"), "n": N(1)}
    resp = ddb.update_item(TableName=table, Key={"pk": S("new")}, ReturnValues="UPDATED_OLD",
                           AttributeUpdates={"n": {"Action": "PUT", "Value": N(5)}})
    assert resp["Attributes"] == {"n": N(1)}


def test_attribute_updates_with_expected(ddb, table):
    with pytest.raises(ClientError) as e:
        ddb.update_item(TableName=table, Key={"pk": S("k")}, AttributeUpdates={"n": {"Action": "PUT", "Value": N(0)}},
                        Expected={"n": {"Value": N(0)}})
    assert_error(e, "ConditionalCheckFailedException", "The conditional request failed")
    ddb.update_item(TableName=table, Key={"pk": S("k")}, AttributeUpdates={"n": {"Action": "PUT", "Value": N(0)}},
                    Expected={"n": {"Value": N(10)}})
    assert get(ddb, table)["n"] == N(0)


@pytest.mark.parametrize("updates, message", [
    ({"a": {"Action": "PUT"}}, INVALID + "Only DELETE action is allowed when no attribute value is specified"),
    ({"a": {"Action": "DELETE", "Value": S("x")}}, INVALID + "DELETE action with value is not supported for the type STRING"),
    ({"a": {"Action": "ADD", "Value": S("x")}}, INVALID + "ADD action is not supported for the type STRING"),
    ({"pk": {"Action": "PUT", "Value": S("x")}}, INVALID + "Cannot update attribute pk. This attribute is part of the key"),
])
def test_attribute_updates_errors(raw, table, updates, message):
    resp = raw("UpdateItem", {"TableName": table, "Key": {"pk": S("k")}, "AttributeUpdates": updates})
    assert_error(resp, "ValidationException", message)


def test_attribute_updates_add_to_a_wrong_type(raw, table):
    resp = raw("UpdateItem", {"TableName": table, "Key": {"pk": S("k")},
                              "AttributeUpdates": {"s": {"Action": "ADD", "Value": N(1)}}})
    assert_error(resp, "ValidationException", "An operand in the update expression has an incorrect data type",
                 local="Type mismatch for attribute to update")


# --- AttributesToGet ----------------------------------------------------------------------------------

def test_attributes_to_get(ddb, table):
    resp = ddb.get_item(TableName=table, Key={"pk": S("k")}, AttributesToGet=["n", "s", "gone"])
    assert resp["Item"] == {"n": N(10), "s": S("hello")}
    resp = ddb.get_item(TableName=table, Key={"pk": S("k")}, AttributesToGet=["gone"])
    assert resp["Item"] == {}


def test_attributes_to_get_with_a_reserved_word_and_a_dot_is_literal(ddb, table):
    ddb.put_item(TableName=table, Item={"pk": S("d"), "a.b": S("dotted"), "name": S("n")})
    resp = ddb.get_item(TableName=table, Key={"pk": S("d")}, AttributesToGet=["a.b", "name"])
    assert resp["Item"] == {"a.b": S("dotted"), "name": S("n")}


def test_attributes_to_get_duplicates(raw, table):
    resp = raw("GetItem", {"TableName": table, "Key": {"pk": S("k")}, "AttributesToGet": ["a", "a"]})
    # AWS's text, as dynalite's test/getItem.js recorded it; DynamoDB Local words it its own way.
    assert_error(resp, "ValidationException",
                 "One or more parameter values were invalid: Duplicate value in attribute name: a",
                 local="Cannot have two attributes with the same name")
