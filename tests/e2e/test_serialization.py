"""SerializationException: DynamoDB deserializes the whole request, every member's JSON type down to
the AttributeValues in lists and maps, before it validates anything, and words a wrong type by what
was expected and where.

The texts are DynamoDB's, as dynalite's test suite recorded them against DynamoDB (its helpers'
assertType tables: String, Boolean, Integer, Long, List, Map, FieldStruct, ValueStruct,
ParameterizedList, ParameterizedMap, Blob and AttrStruct). DynamoDB Local deserializes leniently
(it turns 5 into "5") or fails with InternalFailure, so these tests run against eddy and DynamoDB.
"""
import pytest

from e2e_helpers import assert_error, constraint, target, validation_errors

CAST = ("class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class "
        "java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are "
        "in module java.base of loader 'bootstrap')")
STRUCTURE = "Start of structure or map found where not expected"
MODEL = "com.amazonaws.dynamodb.v20120810."


def type_cases(kind, subtype=None):
    """(value sent, DynamoDB's message) for a member of `kind`, after dynalite's assertType."""
    if kind in ("String", "Boolean", "Integer", "Long"):
        cases = [([], f"Unrecognized collection type class java.lang.{kind}"), ({}, STRUCTURE)]
        if kind != "String":
            cases += [(True, f"TRUE_VALUE cannot be converted to {kind}"),
                      (False, f"FALSE_VALUE cannot be converted to {kind}")]
        if kind == "String":
            cases += [(True, "TRUE_VALUE cannot be converted to String"),
                      (False, "FALSE_VALUE cannot be converted to String"),
                      (23, "NUMBER_VALUE cannot be converted to String"),
                      (2147483648, "NUMBER_VALUE cannot be converted to String"),
                      (34.56, "DECIMAL_VALUE cannot be converted to String")]
        elif kind == "Boolean":
            cases = [c for c in cases if not isinstance(c[0], bool)]
            cases += [("23", "Unexpected token received from parser"),
                      (23, "NUMBER_VALUE cannot be converted to Boolean"),
                      (34.56, "DECIMAL_VALUE cannot be converted to Boolean")]
        else:
            cases += [("23", f"STRING_VALUE cannot be converted to {kind}")]
        return cases
    scalars = ["23", True, 23, 34.56]
    if kind == "List":
        return [(v, "Unexpected field type") for v in scalars] + [({}, STRUCTURE)]
    if kind == "Map":
        value_class = subtype if "." in subtype else MODEL + subtype
        return [(v, "Unexpected field type") for v in scalars] + [
            ([], f"Unrecognized collection type java.util.Map<java.lang.String, {value_class}>")]
    if kind in ("FieldStruct", "ValueStruct"):
        text = "Unexpected field type" if kind == "FieldStruct" else "Unexpected value type in payload"
        return [(v, text) for v in scalars] + [([], f"Unrecognized collection type class {MODEL}{subtype}")]
    if kind == "ParameterizedList":
        return [(v, CAST) for v in scalars] + [({}, STRUCTURE)]
    if kind == "ParameterizedMap":
        return [(v, CAST) for v in scalars] + [
            ([], f"Unrecognized collection type java.util.Map<java.lang.String, {MODEL}AttributeValue>")]
    if kind == "Blob":
        return [(v, "only base-64-encoded strings are convertible to bytes") for v in [True, 23, 34.56]] + [
            ([], "Unrecognized collection type class java.nio.ByteBuffer"), ({}, STRUCTURE),
            ("23456", "Base64 encoded length is expected a multiple of 4 bytes but found: 5"),
            ("=+/=", "Invalid last non-pad Base64 character dectected")]
    raise ValueError(kind)


def attribute_value_cases(path):
    """The (path, kind, subtype) of every part of an AttributeValue held at `path`."""
    return [(path, "ValueStruct", "AttributeValue"), (path + ".S", "String", None), (path + ".N", "String", None),
            (path + ".B", "Blob", None), (path + ".BOOL", "Boolean", None), (path + ".NULL", "Boolean", None),
            (path + ".SS", "List", None), (path + ".SS.0", "String", None), (path + ".NS", "List", None),
            (path + ".NS.0", "String", None), (path + ".BS", "List", None), (path + ".BS.0", "Blob", None),
            (path + ".L", "List", None), (path + ".L.0", "ValueStruct", "AttributeValue"),
            (path + ".L.0.BS.0", "Blob", None), (path + ".M", "Map", "AttributeValue"),
            (path + ".M.a", "ValueStruct", "AttributeValue"), (path + ".M.a.BS.0", "Blob", None)]


def nest(path, value):
    """The request body that holds `value` at the dotted `path` ("0" is a list's first element)."""
    pieces = path.split(".")
    body = {}
    node = body
    for piece, following in zip(pieces, pieces[1:]):
        child = [] if following == "0" else {}
        if isinstance(node, list):
            node.append(child)
        else:
            node[piece] = child
        node = child
    if isinstance(node, list):
        node.append(value)
    else:
        node[pieces[-1]] = value
    return body


MEMBERS = [
    ("PutItem", "TableName", "String", None),
    ("PutItem", "Item", "Map", "AttributeValue"),
    ("PutItem", "Expected", "Map", "ExpectedAttributeValue"),
    ("PutItem", "Expected.a", "ValueStruct", "ExpectedAttributeValue"),
    ("PutItem", "Expected.a.Exists", "Boolean", None),
    ("PutItem", "Expected.a.AttributeValueList", "List", None),
    ("PutItem", "ReturnValues", "String", None),
    ("PutItem", "ExpressionAttributeNames", "Map", "java.lang.String"),
    ("PutItem", "ExpressionAttributeNames.a", "String", None),
    ("PutItem", "ExpressionAttributeValues", "Map", "AttributeValue"),
    ("Scan", "Limit", "Integer", None),
    ("Scan", "ConsistentRead", "Boolean", None),
    ("Scan", "AttributesToGet", "List", None),
    ("Scan", "AttributesToGet.0", "String", None),
    ("Scan", "ScanFilter", "Map", "Condition"),
    ("Scan", "ScanFilter.a", "ValueStruct", "Condition"),
    ("Scan", "ExclusiveStartKey", "Map", "AttributeValue"),
    ("UpdateItem", "AttributeUpdates", "Map", "AttributeValueUpdate"),
    ("UpdateItem", "AttributeUpdates.a", "ValueStruct", "AttributeValueUpdate"),
    ("UpdateItem", "AttributeUpdates.a.Action", "String", None),
    ("CreateTable", "KeySchema", "List", None),
    ("CreateTable", "KeySchema.0", "ValueStruct", "KeySchemaElement"),
    ("CreateTable", "KeySchema.0.KeyType", "String", None),
    ("CreateTable", "ProvisionedThroughput", "FieldStruct", "ProvisionedThroughput"),
    ("CreateTable", "ProvisionedThroughput.ReadCapacityUnits", "Long", None),
    ("CreateTable", "GlobalSecondaryIndexes.0", "ValueStruct", "GlobalSecondaryIndex"),
    ("CreateTable", "GlobalSecondaryIndexes.0.Projection", "FieldStruct", "Projection"),
    ("CreateTable", "StreamSpecification.StreamEnabled", "Boolean", None),
    ("BatchGetItem", "RequestItems", "Map", "KeysAndAttributes"),
    ("BatchGetItem", "RequestItems.abc", "ValueStruct", "KeysAndAttributes"),
    ("BatchGetItem", "RequestItems.abc.Keys", "List", None),
    ("BatchGetItem", "RequestItems.abc.Keys.0", "ParameterizedMap", None),
    ("BatchWriteItem", "RequestItems", "Map", "java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>"),
    ("BatchWriteItem", "RequestItems.abc", "ParameterizedList", None),
    ("BatchWriteItem", "RequestItems.abc.0", "ValueStruct", "WriteRequest"),
    ("BatchWriteItem", "RequestItems.abc.0.DeleteRequest", "FieldStruct", "DeleteRequest"),
    ("BatchWriteItem", "RequestItems.abc.0.PutRequest.Item", "Map", "AttributeValue"),
    ("UpdateTable", "GlobalSecondaryIndexUpdates.0", "ValueStruct", "GlobalSecondaryIndexUpdate"),
    ("UpdateTable", "GlobalSecondaryIndexUpdates.0.Update", "FieldStruct", "UpdateGlobalSecondaryIndexAction"),
    ("TagResource", "Tags.0", "ValueStruct", "Tag"),
]
ATTRIBUTE_VALUES = [("PutItem", "Item.a"), ("PutItem", "Expected.a.Value"),
                    ("PutItem", "Expected.a.AttributeValueList.0"), ("PutItem", "ExpressionAttributeValues.:a"),
                    ("GetItem", "Key.a"), ("BatchGetItem", "RequestItems.abc.Keys.0.a"),
                    ("BatchWriteItem", "RequestItems.abc.0.PutRequest.Item.a"),
                    ("TransactWriteItems", "TransactItems.0.Put.Item.a")]

CASES = [(operation, path, value, message) for operation, path, kind, subtype in MEMBERS
         for value, message in type_cases(kind, subtype)]
CASES += [(operation, path, value, message) for operation, base in ATTRIBUTE_VALUES
          for path, kind, subtype in attribute_value_cases(base) for value, message in type_cases(kind, subtype)]


@pytest.fixture(autouse=True)
def _not_on_dynamodb_local(on_dynamodb_local):
    if on_dynamodb_local:
        pytest.skip("DynamoDB Local's lenient deserializer answers these with InternalFailure or coerces them")


@pytest.mark.parametrize("operation,path,value,message", CASES,
                         ids=[f"{c[0]}-{c[1]}-{type(c[2]).__name__}" for c in CASES])
def test_wrong_json_type(raw, operation, path, value, message):
    resp = raw(operation, nest(path, value))
    assert resp.status == 400
    assert resp.json == {"__type": "com.amazon.coral.service#SerializationException", "Message": message}


def test_type_error_deep_in_the_request_comes_before_constraints(raw):
    # The table name breaks two constraints, but the last AttributeValue's type is checked first.
    body = {"TableName": "a;", "Item": {"a": {"S": "x"}, "b": {"L": [{"S": "y"}, {"M": {"c": {"N": 5}}}]}}}
    assert_error(raw("PutItem", body), "SerializationException", "NUMBER_VALUE cannot be converted to String")


def test_type_error_after_an_invalid_value_comes_first(raw):
    # An empty AttributeValue is refused only once the whole request has been deserialized.
    body = {"TableName": "abc", "Item": {"a": {}}, "ConditionExpression": 5}
    assert_error(raw("PutItem", body), "SerializationException", "NUMBER_VALUE cannot be converted to String")


def test_constraints_come_before_invalid_values(raw):
    body = {"TableName": "a;", "Item": {"a": {"N": "x"}}}
    assert_error(raw("PutItem", body), "ValidationException", validation_errors(
        constraint("a;", "tableName", "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"),
        constraint("a;", "tableName", "Member must have length greater than or equal to 3")))


def test_invalid_value_after_constraints_pass(raw):
    body = {"TableName": "abc", "Item": {"a": {"N": "x"}}}
    assert_error(raw("PutItem", body), "ValidationException", "The parameter cannot be converted to a numeric value: x")


def test_unknown_members_are_ignored(raw, make_table):
    table = make_table()
    resp = raw("PutItem", {"TableName": table, "Item": {"pk": {"S": "a", "Q": 5}}, "Nonsense": [1, {"x": True}]})
    assert resp.status == 200, resp
    assert target.endpoint
