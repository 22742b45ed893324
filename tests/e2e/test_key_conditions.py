"""Query's key conditions as DynamoDB checks them: a condition that leaves out a key attribute names
it, a condition on a non-key attribute is "not supported", a nested path is refused, and the legacy
KeyConditions may be combined with FilterExpression and ProjectionExpression (only QueryFilter,
AttributesToGet and ConditionalOperator conflict with expressions). Texts as recorded against
DynamoDB by dynalite's test/query.js and ScyllaDB alternator's test_query.py.
"""
import pytest

from e2e_helpers import assert_error

S = lambda v: {"S": v}  # noqa: E731


@pytest.fixture
def table(make_table):
    return make_table("pk:S", "sk:S")


def query(raw, table, expression, values=None, **extra):
    body = {"TableName": table, "KeyConditionExpression": expression,
            "ExpressionAttributeValues": values or {":v": S("a")}}
    body.update(extra)
    return raw("Query", body)


def test_missing_partition_key_is_named(raw, table):
    assert_error(query(raw, table, "sk = :v"), "ValidationException",
                 "Query condition missed key schema element: pk",
                 local="Query condition missed key schema element: pk")


def test_condition_on_a_non_key_attribute(raw, table):
    assert_error(query(raw, table, "pk = :v AND x = :v"), "ValidationException", "Query key condition not supported",
                 local=("ValidationException", None))


def test_nested_path(raw, table):
    assert_error(query(raw, table, "pk = :v AND sk.x = :v"), "ValidationException",
                 "KeyConditionExpressions cannot have conditions on nested attributes",
                 local=("ValidationException", None))


def test_legacy_missing_partition_key_is_named(raw, table):
    resp = raw("Query", {"TableName": table,
                         "KeyConditions": {"sk": {"ComparisonOperator": "EQ", "AttributeValueList": [S("a")]}}})
    assert_error(resp, "ValidationException", "Query condition missed key schema element: pk",
                 local=("ValidationException", None))


def test_key_conditions_with_filter_and_projection_expressions(raw, ddb, table):
    ddb.put_item(TableName=table, Item={"pk": S("a"), "sk": S("1"), "x": S("keep"), "y": S("y")})
    ddb.put_item(TableName=table, Item={"pk": S("a"), "sk": S("2"), "x": S("drop"), "y": S("y")})
    resp = raw("Query", {"TableName": table,
                         "KeyConditions": {"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [S("a")]}},
                         "FilterExpression": "x = :x", "ProjectionExpression": "sk, x",
                         "ExpressionAttributeValues": {":x": S("keep")}})
    assert resp.status == 200, resp
    assert resp.json["Items"] == [{"sk": S("1"), "x": S("keep")}]
    assert resp.json["Count"] == 1 and resp.json["ScannedCount"] == 2


def test_key_conditions_with_query_filter_and_expression_still_conflict(raw, table):
    resp = raw("Query", {"TableName": table,
                         "KeyConditions": {"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [S("a")]}},
                         "QueryFilter": {"x": {"ComparisonOperator": "NULL"}}, "ProjectionExpression": "sk"})
    assert_error(resp, "ValidationException",
                 "Can not use both expression and non-expression parameters in the same request: "
                 "Non-expression parameters: {QueryFilter} Expression parameters: {ProjectionExpression}",
                 local=("ValidationException", None))
