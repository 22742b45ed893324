"""Expression validation shared by every operation: syntax errors, reserved words, placeholders
(undefined, unused, malformed, empty), ExpressionAttributeNames/Values without expressions, the
mix of expression and legacy parameters, limits, and the order in which DynamoDB makes its checks.

Raw JSON is used where boto3 would refuse the request itself. DynamoDB checks expressions before it
looks up the table and the key; DynamoDB Local does it the other way round (`local=` answers).
"""
import pytest

from e2e_helpers import assert_error, validation_errors, constraint

NOT_FOUND = ("ResourceNotFoundException", "Cannot do operations on a non-existent table")


@pytest.fixture
def table(make_table):
    return make_table("pk:S")


def N(n):
    return {"N": str(n)}


def S(s):
    return {"S": s}


def put(raw, table, **body):
    return raw("PutItem", dict({"TableName": table, "Item": {"pk": S("k")}}, **body))


def update(raw, table, **body):
    return raw("UpdateItem", dict({"TableName": table, "Key": {"pk": S("k")}}, **body))


# --- syntax -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("expression, message", [
    ("a = = b", 'Syntax error; token: "=", near: "= = b"'),
    ("a =", 'Syntax error; token: "<EOF>", near: "="'),
    ("a = :v AND", 'Syntax error; token: "<EOF>", near: "AND"'),
    ("(a = :v", 'Syntax error; token: "<EOF>", near: ":v"'),
    ("a ! :v", 'Syntax error; token: "!", near: "a ! :v"'),
    ("a BETWEEN :v", 'Syntax error; token: "<EOF>", near: ":v"'),
    ("nofunc(a)", "Invalid function name; function: nofunc"),
    ("size(a)", "The function is not allowed to be used this way in an expression; function: size"),
    ("attribute_exists(a, b)", "Incorrect number of operands for operator or function; operator or function: "
                               "attribute_exists, number of operands: 2"),
    ("a = :v AND a = :v AND ((a = :v))", "The expression has redundant parentheses;"),
    ("", "The expression can not be empty;"),
])
def test_condition_syntax_errors(raw, table, expression, message):
    values = {":v": N(1)} if ":v" in expression else None
    body = {"ConditionExpression": expression}
    if values:
        body["ExpressionAttributeValues"] = values
    assert_error(put(raw, table, **body), "ValidationException", "Invalid ConditionExpression: " + message)


def test_reserved_words_need_a_name_placeholder(raw, table):
    resp = put(raw, table, ConditionExpression="attribute_exists(Status)")
    assert_error(resp, "ValidationException",
                 "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Status")
    resp = put(raw, table, ConditionExpression="attribute_not_exists(#s)", ExpressionAttributeNames={"#s": "Status"})
    assert resp.status == 200


def test_undefined_placeholders(raw, table):
    resp = put(raw, table, ConditionExpression="#a = :v", ExpressionAttributeValues={":v": N(1)})
    assert_error(resp, "ValidationException", "Invalid ConditionExpression: An expression attribute name used in the "
                                              "document path is not defined; attribute name: #a")
    resp = put(raw, table, ConditionExpression="a = :v")
    assert_error(resp, "ValidationException", "Invalid ConditionExpression: An expression attribute value used in "
                                              "expression is not defined; attribute value: :v")


def test_unused_placeholders(raw, table):
    resp = put(raw, table, ConditionExpression="a = :v", ExpressionAttributeValues={":v": N(1), ":w": N(2), ":x": N(3)})
    assert_error(resp, "ValidationException", "Value provided in ExpressionAttributeValues unused in expressions: "
                                              "keys: {:w, :x}")
    resp = put(raw, table, ConditionExpression="a = :v", ExpressionAttributeValues={":v": N(1), ":w": N(2)},
               ExpressionAttributeNames={"#n": "x"})
    assert_error(resp, "ValidationException", "Value provided in ExpressionAttributeNames unused in expressions: "
                                              "keys: {#n}")


def test_placeholders_are_shared_by_the_update_and_the_condition(raw, table):
    resp = update(raw, table, UpdateExpression="SET #a = :v", ConditionExpression="attribute_not_exists(#b) OR #b = :w",
                  ExpressionAttributeNames={"#a": "a", "#b": "b"}, ExpressionAttributeValues={":v": N(1), ":w": N(2)})
    assert resp.status == 200
    resp = update(raw, table, UpdateExpression="SET #a = :v", ConditionExpression="attribute_exists(#a)",
                  ExpressionAttributeNames={"#a": "a", "#b": "b"}, ExpressionAttributeValues={":v": N(1)})
    assert_error(resp, "ValidationException", "Value provided in ExpressionAttributeNames unused in expressions: "
                                              "keys: {#b}")


def test_the_update_is_checked_before_the_condition(raw, table):
    resp = update(raw, table, UpdateExpression="SET a = :x", ConditionExpression="a = = b",
                  ExpressionAttributeValues={":v": N(1)})
    assert_error(resp, "ValidationException", "Invalid UpdateExpression: An expression attribute value used in "
                                              "expression is not defined; attribute value: :x")


def test_path_depth_limit(raw, table):
    ok = "a" + ".b" * 31
    assert put(raw, table, ConditionExpression=f"attribute_not_exists({ok})").status == 200
    resp = put(raw, table, ConditionExpression=f"attribute_not_exists({ok}.c)")
    assert_error(resp, "ValidationException", "Invalid ConditionExpression: The document path has too many nesting "
                                              "levels; nesting levels: 33")


def test_expression_length_limit(raw, table):
    long_name = "a" * 4100
    resp = put(raw, table, ConditionExpression=f"attribute_not_exists({long_name})")
    assert_error(resp, "ValidationException", "Invalid ConditionExpression: Expression size has exceeded the maximum "
                                              "allowed size; expression size: 4122")


# --- ExpressionAttributeNames / ExpressionAttributeValues ---------------------------------------------

@pytest.mark.parametrize("body, message", [
    ({"ExpressionAttributeNames": {"#a": "a"}}, "ExpressionAttributeNames can only be specified when using expressions"),
    ({"ExpressionAttributeNames": {}}, "ExpressionAttributeNames can only be specified when using expressions"),
    ({"ExpressionAttributeValues": {":a": N(1)}},
     "ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null"),
    ({"ConditionExpression": "a = b", "ExpressionAttributeNames": {}}, "ExpressionAttributeNames must not be empty"),
    ({"ConditionExpression": "a = b", "ExpressionAttributeValues": {}}, "ExpressionAttributeValues must not be empty"),
    ({"ConditionExpression": "#a = b", "ExpressionAttributeNames": {"a": "x"}},
     'ExpressionAttributeNames contains invalid key: Syntax error; key: "a"'),
    ({"ConditionExpression": "#a = b", "ExpressionAttributeNames": {"#a-b": "x"}},
     'ExpressionAttributeNames contains invalid key: Syntax error; key: "#a-b"'),
    ({"ConditionExpression": "#a = b", "ExpressionAttributeNames": {"#a": ""}},
     "ExpressionAttributeNames contains invalid value: Empty attribute name for key #a"),
    ({"ConditionExpression": "a = :v", "ExpressionAttributeValues": {"v": N(1)}},
     'ExpressionAttributeValues contains invalid key: Syntax error; key: "v"'),
    ({"ConditionExpression": "a = :v", "ExpressionAttributeValues": {":v": {"SS": []}}},
     "ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An string set  "
     "may not be empty for key :v"),
    ({"ConditionExpression": "a = :v", "ExpressionAttributeValues": {":v": {"S": "x", "N": "1"}}},
     "ExpressionAttributeValues contains invalid value: Supplied AttributeValue has more than one datatypes set, "
     "must contain exactly one of the supported datatypes for key :v"),
])
def test_expression_attribute_checks(raw, table, body, message):
    local = None
    if body.get("ExpressionAttributeNames") == {} and "ConditionExpression" not in body:
        local = ("", None)  # DynamoDB Local accepts an empty map without an expression
    resp = put(raw, table, **body)
    if local and resp.status == 200:
        return
    assert_error(resp, "ValidationException", message)


def test_values_without_an_expression_that_takes_them(raw, table):
    resp = update(raw, table, ExpressionAttributeValues={":a": N(1)})
    assert_error(resp, "ValidationException", "ExpressionAttributeValues can only be specified when using "
                                              "expressions: UpdateExpression and ConditionExpression are null")
    resp = raw("DeleteItem", {"TableName": table, "Key": {"pk": S("k")}, "ExpressionAttributeValues": {":a": N(1)}})
    assert_error(resp, "ValidationException", "ExpressionAttributeValues can only be specified when using "
                                              "expressions: ConditionExpression is null")
    resp = raw("GetItem", {"TableName": table, "Key": {"pk": S("k")}, "ExpressionAttributeNames": {"#a": "a"}})
    assert_error(resp, "ValidationException", "ExpressionAttributeNames can only be specified when using expressions")


def test_number_values_are_checked_with_their_key(raw, table):
    resp = put(raw, table, ConditionExpression="a = :v", ExpressionAttributeValues={":v": N("abc")})
    assert_error(resp, "ValidationException",
                 "ExpressionAttributeValues contains invalid value: The parameter cannot be converted to a numeric "
                 "value: abc for key :v",
                 local="ExpressionAttributeValues contains invalid value: A value provided cannot be converted into "
                       "a number for key :v")


# --- mixing expression and legacy parameters ----------------------------------------------------------

@pytest.mark.parametrize("op, body, legacy, expressions", [
    ("PutItem", {"Expected": {"a": {"Exists": False}}, "ConditionExpression": "a = b"}, "Expected", "ConditionExpression"),
    ("PutItem", {"ConditionalOperator": "OR", "ConditionExpression": "a = b"}, "ConditionalOperator",
     "ConditionExpression"),
    ("DeleteItem", {"Expected": {"a": {"Exists": False}}, "ConditionExpression": "a = b"}, "Expected",
     "ConditionExpression"),
    ("UpdateItem", {"AttributeUpdates": {"a": {"Action": "DELETE"}}, "UpdateExpression": "REMOVE a"},
     "AttributeUpdates", "UpdateExpression"),
    ("UpdateItem", {"Expected": {"a": {"Exists": False}}, "UpdateExpression": "REMOVE a"}, "Expected",
     "UpdateExpression"),
    ("UpdateItem", {"AttributeUpdates": {"a": {"Action": "DELETE"}}, "Expected": {"a": {"Exists": False}},
                    "UpdateExpression": "REMOVE a", "ConditionExpression": "a = b"},
     "AttributeUpdates, Expected", "UpdateExpression, ConditionExpression"),
    ("GetItem", {"AttributesToGet": ["a"], "ProjectionExpression": "a"}, "AttributesToGet", "ProjectionExpression"),
])
def test_legacy_and_expression_parameters_cannot_be_mixed(raw, table, op, body, legacy, expressions):
    key_member = "Item" if op == "PutItem" else "Key"
    resp = raw(op, dict({"TableName": table, key_member: {"pk": S("k")}}, **body))
    assert_error(resp, "ValidationException",
                 "Can not use both expression and non-expression parameters in the same request: "
                 f"Non-expression parameters: {{{legacy}}} Expression parameters: {{{expressions}}}")


# --- the order of the checks --------------------------------------------------------------------------

def test_constraint_violations_come_before_the_mix(raw, table):
    resp = put(raw, table, ReturnConsumedCapacity="ALL", Expected={"a": {"Exists": False}}, ConditionExpression="a = b")
    assert_error(resp, "ValidationException", validation_errors(
        constraint("ALL", "returnConsumedCapacity", "Member must satisfy enum value set: [INDEXES, TOTAL, NONE]")),
        local="Can not use both expression and non-expression parameters in the same request: "
              "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}")


def test_the_mix_comes_before_syntax(raw, table):
    resp = put(raw, table, Expected={"a": {"Exists": False}}, ConditionExpression="a = = b")
    assert_error(resp, "ValidationException",
                 "Can not use both expression and non-expression parameters in the same request: "
                 "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}")


def test_syntax_comes_before_the_table(raw):
    resp = put(raw, "no_such_table", ConditionExpression="a = = b")
    assert_error(resp, "ValidationException", 'Invalid ConditionExpression: Syntax error; token: "=", near: "= = b"',
                 local=NOT_FOUND)
    resp = update(raw, "no_such_table", UpdateExpression="SET a = :v")
    assert_error(resp, "ValidationException", "Invalid UpdateExpression: An expression attribute value used in "
                                              "expression is not defined; attribute value: :v", local=NOT_FOUND)


def test_placeholders_come_before_the_key(raw, table):
    resp = raw("PutItem", {"TableName": table, "Item": {"other": S("k")}, "ConditionExpression": "a = :v"})
    assert_error(resp, "ValidationException", "Invalid ConditionExpression: An expression attribute value used in "
                                              "expression is not defined; attribute value: :v",
                 local="One of the required keys was not given a value")


def test_the_key_comes_before_key_attribute_updates(raw, table):
    resp = update(raw, table, Key={"other": S("k")}, UpdateExpression="SET pk = :v", ExpressionAttributeValues={":v": S("x")})
    assert_error(resp, "ValidationException", "The provided key element does not match the schema",
                 local="One of the required keys was not given a value")
