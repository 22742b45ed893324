"""The shared constraint pass: DynamoDB's "N validation error(s) detected: ..." texts, the order of
the violations, how values are echoed, and every enumeration's value set in the order DynamoDB
prints it (recorded against DynamoDB by dynalite's test suite: test/putItem.js, test/scan.js,
test/query.js, test/createTable.js). DynamoDB Local words these checks its own way.
"""
import pytest

from e2e_helpers import assert_error, constraint, validation_errors

COMPARISON_OPERATORS = "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]"


@pytest.fixture(autouse=True)
def _not_on_dynamodb_local(on_dynamodb_local):
    if on_dynamodb_local:
        pytest.skip("DynamoDB Local reports one problem at a time, in its own words")


def enum(value, member, values):
    return constraint(value, member, f"Member must satisfy enum value set: {values}")


@pytest.mark.parametrize("operation", ["Query", "Scan"])
def test_limit_is_reported_without_its_value(raw, operation):
    body = {"TableName": "abc", "Limit": 0}
    if operation == "Query":
        body["KeyConditionExpression"] = "pk = :v"
    assert_error(raw(operation, body), "ValidationException",
                 "1 validation error detected: Value at 'Limit' failed to satisfy constraint: "
                 "Member must have value greater than or equal to 1")


def test_put_item_violations_in_dynamodb_order(raw):
    body = {"TableName": "abc;", "ReturnConsumedCapacity": "hi", "ReturnItemCollectionMetrics": "hi",
            "ReturnValues": "hi", "ConditionalOperator": "hi"}
    message = raw("PutItem", body).json["message"]
    assert message.startswith("6 validation errors detected: "), message
    clauses = message[len("6 validation errors detected: "):].split("; ")
    assert set(clauses) == {
        constraint("abc;", "tableName", "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"),
        constraint(None, "item", "Member must not be null"),
        enum("hi", "returnValues", "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]"),
        enum("hi", "returnConsumedCapacity", "[INDEXES, TOTAL, NONE]"),
        enum("hi", "returnItemCollectionMetrics", "[SIZE, NONE]"),
        enum("hi", "conditionalOperator", "[OR, AND]"),
    }


def test_scan_enums(raw):
    resp = raw("Scan", {"TableName": "abc", "Select": "hi", "ConditionalOperator": "hi"})
    assert_error(resp, "ValidationException", validation_errors(
        enum("hi", "select", "[SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]"),
        enum("hi", "conditionalOperator", "[OR, AND]")))


@pytest.mark.parametrize("operation,member", [("Scan", "ScanFilter"), ("Query", "QueryFilter"),
                                              ("Query", "KeyConditions")])
def test_comparison_operator_in_legacy_conditions(raw, operation, member):
    body = {"TableName": "abc", member: {"a": {"ComparisonOperator": "XX", "AttributeValueList": [{"S": "x"}]}}}
    assert_error(raw(operation, body), "ValidationException", validation_errors(
        enum("XX", f"{member[0].lower() + member[1:]}.a.member.comparisonOperator", COMPARISON_OPERATORS)))


def test_comparison_operator_in_expected(raw):
    body = {"TableName": "abc", "Item": {"a": {"S": "x"}}, "Expected": {"b": {"ComparisonOperator": "XX"}}}
    assert_error(raw("PutItem", body), "ValidationException", validation_errors(
        enum("XX", "expected.b.member.comparisonOperator", COMPARISON_OPERATORS)))


def test_attribute_update_action(raw):
    body = {"TableName": "abc", "Key": {"a": {"S": "x"}}, "AttributeUpdates": {"b": {"Action": "XX"}}}
    assert_error(raw("UpdateItem", body), "ValidationException", validation_errors(
        enum("XX", "attributeUpdates.b.member.action", "[ADD, PUT, DELETE]")))


def test_projection_type(raw):
    body = {"TableName": "abc", "BillingMode": "PAY_PER_REQUEST",
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
            "GlobalSecondaryIndexes": [{"IndexName": "gsi", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                                        "Projection": {"ProjectionType": "XX"}}]}
    assert_error(raw("CreateTable", body), "ValidationException", validation_errors(
        enum("XX", "globalSecondaryIndexes.1.member.projection.projectionType", "[ALL, INCLUDE, KEYS_ONLY]")))


def test_index_name_length_is_an_ordinary_constraint(raw):
    body = {"TableName": "abc", "IndexName": "ab"}
    assert_error(raw("Scan", body), "ValidationException", validation_errors(
        constraint("ab", "indexName", "Member must have length greater than or equal to 3")))


def test_empty_table_name_is_a_length_violation_only(raw):
    assert_error(raw("GetItem", {"TableName": "", "Key": {"a": {"S": "x"}}}), "ValidationException",
                 validation_errors(constraint("", "tableName", "Member must have length greater than or equal to 3")))
