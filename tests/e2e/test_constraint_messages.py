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


# Echoed lists, maps and structures: Java's toString of DynamoDB's model classes, every member in the
# service model's order, one not sent as null (recorded from AWS in 2026: a CreateTable with three
# KeySchema elements, a BatchWriteItem of 26 requests; protocol/java_text.h).
def attribute_value(s=None, n=None):
    return (f"AttributeValue(s={'null' if s is None else s}, n={'null' if n is None else n}, b=null, iNT=null, "
            "dECIMAL=null, dOUBLE=null, sS=null, nS=null, bS=null, iNTSET=null, dECIMALSET=null, dOUBLESET=null, "
            "m=null, l=null, nULL=null, bOOL=null)")


def key_schema_element(name, key_type):
    return f"KeySchemaElement(attributeName={name}, keyType={key_type})"


THREE_KEYS = [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"},
              {"AttributeName": "extra", "KeyType": "RANGE"}]
THREE_KEYS_ECHO = "[" + ", ".join([key_schema_element("pk", "HASH"), key_schema_element("sk", "RANGE"),
                                   key_schema_element("extra", "RANGE")]) + "]"
DEFINITIONS = [{"AttributeName": n, "AttributeType": "S"} for n in ("pk", "sk", "extra")]


def test_key_schema_over_two_elements_as_recorded(raw):
    body = {"TableName": "abc", "AttributeDefinitions": DEFINITIONS, "KeySchema": THREE_KEYS,
            "BillingMode": "PAY_PER_REQUEST"}
    assert_error(raw("CreateTable", body), "ValidationException",
                 "1 validation error detected: Value '[KeySchemaElement(attributeName=pk, keyType=HASH), "
                 "KeySchemaElement(attributeName=sk, keyType=RANGE), KeySchemaElement(attributeName=extra, "
                 "keyType=RANGE)]' at 'keySchema' failed to satisfy constraint: Member must have length less than "
                 "or equal to 2")


def test_empty_key_schema_echoes_an_empty_list(raw):
    body = {"TableName": "abc", "AttributeDefinitions": DEFINITIONS, "KeySchema": [], "BillingMode": "PAY_PER_REQUEST"}
    assert_error(raw("CreateTable", body), "ValidationException", validation_errors(
        constraint("[]", "keySchema", "Member must have length greater than or equal to 1")))


def test_local_index_key_schema_and_non_key_attributes(raw):
    body = {"TableName": "abc", "AttributeDefinitions": DEFINITIONS, "BillingMode": "PAY_PER_REQUEST",
            "KeySchema": THREE_KEYS[:2],
            "LocalSecondaryIndexes": [{"IndexName": "lsi", "KeySchema": THREE_KEYS,
                                       "Projection": {"ProjectionType": "INCLUDE",
                                                      "NonKeyAttributes": [f"a{i}" for i in range(21)]}}]}
    names = ", ".join(f"a{i}" for i in range(21))
    assert_error(raw("CreateTable", body), "ValidationException", validation_errors(
        constraint(THREE_KEYS_ECHO, "localSecondaryIndexes.1.member.keySchema",
                   "Member must have length less than or equal to 2"),
        constraint(f"[{names}]", "localSecondaryIndexes.1.member.projection.nonKeyAttributes",
                   "Member must have length less than or equal to 20")))


def test_batch_write_over_25_requests_as_recorded(raw):
    requests = [{"PutRequest": {"Item": {"pk": {"S": f"bw-{i}"}}}} for i in range(25)]
    requests.append({"DeleteRequest": {"Key": {"pk": {"N": "7"}}}})
    echo = ", ".join(f"WriteRequest(putRequest=PutRequest(item={{pk={attribute_value(s=f'bw-{i}')}}}, "
                     "workloadProfileName=null), deleteRequest=null)" for i in range(25))
    echo += f", WriteRequest(putRequest=null, deleteRequest=DeleteRequest(key={{pk={attribute_value(n='7')}}}))"
    assert_error(raw("BatchWriteItem", {"RequestItems": {"abc": requests}}), "ValidationException", validation_errors(
        constraint("{abc=[" + echo + "]}", "requestItems",
                   "Map value must satisfy constraint: [Member must have length less than or equal to 25, "
                   "Member must have length greater than or equal to 1]")))


def test_batch_get_table_name_echoes_keys_and_attributes(raw):
    body = {"RequestItems": {"ab": {"Keys": [{"pk": {"S": "a"}}], "ConsistentRead": True}}}
    echo = (f"{{ab=KeysAndAttributes(keys=[{{pk={attribute_value(s='a')}}}], attributesToGet=null, "
            "consistentRead=true, projectionExpression=null, expressionAttributeNames=null)}")
    assert_error(raw("BatchGetItem", body), "ValidationException", validation_errors(
        constraint(echo, "requestItems",
                   "Map keys must satisfy constraint: [Member must have length less than or equal to 255, "
                   "Member must have length greater than or equal to 3, Member must satisfy regular expression "
                   "pattern: [a-zA-Z0-9_.-]+]")))


def test_batch_get_over_100_keys_is_reported_without_its_value(raw):
    # Recorded from AWS in 2026: the newer form, with the members' names as sent.
    keys = [{"pk": {"S": f"bg-{i}"}} for i in range(101)]
    assert_error(raw("BatchGetItem", {"RequestItems": {"abc": {"Keys": keys}}}), "ValidationException",
                 "1 validation error detected: Value at 'RequestItems.abc.member.Keys' failed to satisfy "
                 "constraint: Member must have length less than or equal to 100")


def test_transact_items_over_100_echo_every_action(raw):
    items = [{"Put": {"TableName": "abc", "Item": {"pk": {"S": str(i)}}}} for i in range(101)]
    echo = ", ".join(f"TransactWriteItem(conditionCheck=null, put=Put(item={{pk={attribute_value(s=str(i))}}}, "
                     "tableName=abc, conditionExpression=null, expressionAttributeNames=null, "
                     "expressionAttributeValues=null, returnValuesOnConditionCheckFailure=null), delete=null, "
                     "update=null)" for i in range(101))
    assert_error(raw("TransactWriteItems", {"TransactItems": items}), "ValidationException", validation_errors(
        constraint(f"[{echo}]", "transactItems", "Member must have length less than or equal to 100")))


def test_transact_get_items_over_100(raw):
    items = [{"Get": {"TableName": "abc", "Key": {"pk": {"S": "k"}}, "ProjectionExpression": "a"}}] * 101
    one = (f"TransactGetItem(get=Get(key={{pk={attribute_value(s='k')}}}, tableName=abc, projectionExpression=a, "
           "expressionAttributeNames=null))")
    assert_error(raw("TransactGetItems", {"TransactItems": items}), "ValidationException", validation_errors(
        constraint("[" + ", ".join([one] * 101) + "]", "transactItems",
                   "Member must have length less than or equal to 100")))


@pytest.mark.parametrize("operation,body", [
    ("GetItem", {"TableName": "abc", "Key": {"pk": {"S": "a"}}, "AttributesToGet": []}),
    ("Scan", {"TableName": "abc", "AttributesToGet": []}),
])
def test_empty_attributes_to_get(raw, operation, body):
    assert_error(raw(operation, body), "ValidationException", validation_errors(
        constraint("[]", "attributesToGet", "Member must have length greater than or equal to 1")))


def test_empty_statement_parameters(raw):
    assert_error(raw("ExecuteStatement", {"Statement": "SELECT * FROM abc", "Parameters": []}),
                 "ValidationException",
                 validation_errors(constraint("[]", "parameters", "Member must have length greater than or equal to 1")))
