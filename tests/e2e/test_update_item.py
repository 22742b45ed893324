"""UpdateItem: SET (with + and -, if_not_exists, list_append), REMOVE, ADD, DELETE, upserts,
ReturnValues, key attributes, item size, index keys and consumed capacity.

Where DynamoDB Local answers differently from DynamoDB, `local=` holds DynamoDB Local's answer.
"""
import pytest
from botocore.exceptions import ClientError

from e2e_helpers import assert_error, target

INVALID_PATH = "The document path provided in the update expression is invalid for update"
WRONG_TYPE = "An operand in the update expression has an incorrect data type"


@pytest.fixture
def table(make_table):
    return make_table("pk:S")


def key(name="k"):
    return {"pk": {"S": name}}


def put(ddb, table, name="k", **attrs):
    ddb.put_item(TableName=table, Item=dict(key(name), **attrs))


def get(ddb, table, name="k"):
    return ddb.get_item(TableName=table, Key=key(name), ConsistentRead=True).get("Item")


def update(ddb, table, expression, values=None, names=None, name="k", **kw):
    args = dict(TableName=table, Key=key(name), UpdateExpression=expression, **kw)
    if values:
        args["ExpressionAttributeValues"] = values
    if names:
        args["ExpressionAttributeNames"] = names
    return ddb.update_item(**args)


def update_error(ddb, table, expression, values=None, names=None, **kw):
    with pytest.raises(ClientError) as e:
        update(ddb, table, expression, values, names, **kw)
    return e


def N(n):
    return {"N": str(n)}


def S(s):
    return {"S": s}


# --- SET ----------------------------------------------------------------------------------------------

def test_set_creates_and_replaces_attributes(ddb, table):
    put(ddb, table, a=S("old"))
    update(ddb, table, "SET a = :a, b = :b", {":a": S("new"), ":b": N(7)})
    assert get(ddb, table) == dict(key(), a=S("new"), b=N(7))


def test_set_nested_map_member_and_list_element(ddb, table):
    put(ddb, table, m={"M": {"x": {"L": [N(1), N(2)]}}})
    update(ddb, table, "SET m.x[1] = :v, m.y = :w, #s = :w", {":v": N(20), ":w": S("w")}, {"#s": "size"})
    assert get(ddb, table)["m"] == {"M": {"x": {"L": [N(1), N(20)]}, "y": S("w")}}
    assert get(ddb, table)["size"] == S("w")


def test_set_list_index_past_the_end_appends(ddb, table):
    put(ddb, table, l={"L": [N(1)]})
    update(ddb, table, "SET l[10] = :v", {":v": N(2)})
    assert get(ddb, table)["l"] == {"L": [N(1), N(2)]}


def test_set_arithmetic_is_exact(ddb, table):
    put(ddb, table, n=N("0.1"))
    update(ddb, table, "SET n = n + :a, m = :b - :c", {":a": N("0.2"), ":b": N("1"), ":c": N("1E-37")})
    item = get(ddb, table)
    assert item["n"] == N("0.3")
    assert item["m"] == N("0." + "9" * 37)


def test_set_arithmetic_keeps_38_digits(ddb, table):
    put(ddb, table, n=N("9" * 38))
    update(ddb, table, "SET n = n - :one", {":one": N(1)})
    assert get(ddb, table)["n"] == N("9" * 37 + "8")


def test_set_arithmetic_overflow_is_refused(ddb, table):
    put(ddb, table, n=N("9E+125"))
    e = update_error(ddb, table, "SET n = n + :big", {":big": N("9E+125")})
    assert_error(e, "ValidationException",
                 "Number overflow. Attempting to store a number with magnitude larger than supported range")


def test_set_arithmetic_on_a_missing_attribute_is_refused(ddb, table):
    put(ddb, table)
    e = update_error(ddb, table, "SET n = n + :one", {":one": N(1)})
    assert_error(e, "ValidationException",
                 "The provided expression refers to an attribute that does not exist in the item")


def test_set_arithmetic_on_a_string_is_refused(ddb, table):
    put(ddb, table, s=S("x"))
    e = update_error(ddb, table, "SET n = s + :one", {":one": N(1)})
    assert_error(e, "ValidationException", WRONG_TYPE)


def test_if_not_exists(ddb, table):
    put(ddb, table, a=N(1))
    update(ddb, table, "SET a = if_not_exists(a, :z), b = if_not_exists(b, :z)", {":z": N(0)})
    item = get(ddb, table)
    assert item["a"] == N(1) and item["b"] == N(0)


def test_counter_with_if_not_exists_and_plus(ddb, table):
    for _ in range(3):
        update(ddb, table, "SET c = if_not_exists(c, :zero) + :one", {":zero": N(0), ":one": N(1)})
    assert get(ddb, table)["c"] == N(3)


def test_list_append_both_ways(ddb, table):
    put(ddb, table, l={"L": [N(2)]})
    update(ddb, table, "SET l = list_append(:front, l)", {":front": {"L": [N(1)]}})
    update(ddb, table, "SET l = list_append(l, :back)", {":back": {"L": [N(3)]}})
    assert get(ddb, table)["l"] == {"L": [N(1), N(2), N(3)]}


def test_list_append_of_a_non_list_is_refused(ddb, table):
    put(ddb, table, l={"L": []})
    e = update_error(ddb, table, "SET l = list_append(l, :v)", {":v": N(1)})
    assert_error(e, "ValidationException", "Invalid UpdateExpression: Incorrect operand type for operator or "
                 "function; operator or function: list_append, operand type: N")


def test_list_append_of_a_non_list_attribute_is_refused(ddb, table):
    put(ddb, table, l=S("x"))
    e = update_error(ddb, table, "SET l = list_append(l, :v)", {":v": {"L": []}})
    assert_error(e, "ValidationException", WRONG_TYPE)


def test_set_swaps_with_values_read_before_the_update(ddb, table):
    put(ddb, table, a=N(1), b=N(2))
    update(ddb, table, "SET a = b, b = a")
    item = get(ddb, table)
    assert item["a"] == N(2) and item["b"] == N(1)


def test_set_into_a_missing_map_is_refused(ddb, table):
    put(ddb, table)
    e = update_error(ddb, table, "SET m.x = :v", {":v": N(1)})
    assert_error(e, "ValidationException", INVALID_PATH)


def test_set_index_of_a_non_list_is_refused(ddb, table):
    put(ddb, table, m={"M": {}})
    e = update_error(ddb, table, "SET m[0] = :v", {":v": N(1)})
    assert_error(e, "ValidationException", INVALID_PATH)


# --- REMOVE -------------------------------------------------------------------------------------------

def test_remove_attributes_nested_members_and_missing_ones(ddb, table):
    put(ddb, table, a=N(1), m={"M": {"x": N(1), "y": N(2)}})
    update(ddb, table, "REMOVE a, m.x, nothing, m.nothing")
    assert get(ddb, table) == dict(key(), m={"M": {"y": N(2)}})


def test_remove_list_elements_shifts_the_rest(ddb, table):
    put(ddb, table, l={"L": [N(0), N(1), N(2), N(3), N(4)]})
    update(ddb, table, "REMOVE l[1], l[3], l[9]")
    assert get(ddb, table)["l"] == {"L": [N(0), N(2), N(4)]}


# --- ADD and DELETE -----------------------------------------------------------------------------------

def test_add_to_numbers_and_sets(ddb, table):
    put(ddb, table, n=N(5), ss={"SS": ["a"]})
    update(ddb, table, "ADD n :d, ss :s, fresh :d, ns :ns",
           {":d": N(-2), ":s": {"SS": ["b", "a"]}, ":ns": {"NS": ["1", "2"]}})
    item = get(ddb, table)
    assert item["n"] == N(3) and item["fresh"] == N(-2)
    assert sorted(item["ss"]["SS"]) == ["a", "b"]
    assert sorted(item["ns"]["NS"]) == ["1", "2"]


def test_add_creates_the_item(ddb, table):
    update(ddb, table, "ADD n :one", {":one": N(1)}, name="fresh")
    assert get(ddb, table, "fresh") == dict(key("fresh"), n=N(1))


def test_add_of_a_wrong_type_is_refused(ddb, table):
    put(ddb, table, s=S("x"))
    e = update_error(ddb, table, "ADD s :one", {":one": N(1)})
    assert_error(e, "ValidationException", WRONG_TYPE)


def test_add_of_a_string_operand_is_refused(ddb, table):
    e = update_error(ddb, table, "ADD s :v", {":v": S("x")})
    assert_error(e, "ValidationException",
                 "Invalid UpdateExpression: Incorrect operand type for operator or function; "
                 "operator: ADD, operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND")


def test_delete_from_a_set_and_an_emptied_set_disappears(ddb, table):
    put(ddb, table, ss={"SS": ["a", "b"]}, ns={"NS": ["1"]})
    update(ddb, table, "DELETE ss :a, ns :one", {":a": {"SS": ["a", "zz"]}, ":one": {"NS": ["1"]}})
    item = get(ddb, table)
    assert item["ss"] == {"SS": ["b"]} and "ns" not in item


def test_delete_of_a_non_set_operand_is_refused(ddb, table):
    e = update_error(ddb, table, "DELETE ss :v", {":v": N(1)})
    assert_error(e, "ValidationException",
                 "Invalid UpdateExpression: Incorrect operand type for operator or function; "
                 "operator: DELETE, operand type: NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND")


def test_delete_of_another_set_type_is_refused(ddb, table):
    put(ddb, table, ss={"SS": ["a"]})
    e = update_error(ddb, table, "DELETE ss :v", {":v": {"NS": ["1"]}})
    assert_error(e, "ValidationException", WRONG_TYPE)


def test_all_four_clauses_in_one_update(ddb, table):
    put(ddb, table, r=N(1), ss={"SS": ["a", "b"]})
    update(ddb, table, "SET s = :s REMOVE r ADD n :one DELETE ss :a",
           {":s": S("x"), ":one": N(1), ":a": {"SS": ["a"]}})
    assert get(ddb, table) == dict(key(), s=S("x"), n=N(1), ss={"SS": ["b"]})


# --- clause and path errors ---------------------------------------------------------------------------

def test_a_clause_used_twice_is_refused(ddb, table):
    e = update_error(ddb, table, "SET a = :v SET b = :v", {":v": N(1)})
    assert_error(e, "ValidationException",
                 'Invalid UpdateExpression: The "SET" section can only be used once in an update expression;')


def test_overlapping_paths_are_refused(ddb, table):
    e = update_error(ddb, table, "SET a = :v REMOVE a.b", {":v": N(1)})
    assert_error(e, "ValidationException",
                 "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite "
                 "one of these paths; path one: [a], path two: [a, b]")


def test_conflicting_paths_are_refused(ddb, table):
    e = update_error(ddb, table, "SET a[1] = :v, a.b = :v", {":v": N(1)})
    assert_error(e, "ValidationException",
                 "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite "
                 "one of these paths; path one: [a, [1]], path two: [a, b]")


def test_syntax_error_names_the_token(ddb, table):
    e = update_error(ddb, table, "SET a = :v,", {":v": N(1)})
    assert_error(e, "ValidationException",
                 'Invalid UpdateExpression: Syntax error; token: "<EOF>", near: ","')


def test_empty_update_expression_is_refused(ddb, table):
    e = update_error(ddb, table, "")
    assert_error(e, "ValidationException", "Invalid UpdateExpression: The expression can not be empty;")


def test_function_in_the_wrong_place_is_refused(ddb, table):
    e = update_error(ddb, table, "SET a = size(b)")
    assert_error(e, "ValidationException",
                 "Invalid UpdateExpression: The function is not allowed in an update expression; function: size")


# --- keys, upserts, sizes, indexes --------------------------------------------------------------------

def test_update_without_expression_creates_the_key_only_item(ddb, table):
    resp = ddb.update_item(TableName=table, Key=key("bare"), ReturnValues="ALL_NEW")
    assert resp["Attributes"] == key("bare")
    assert get(ddb, table, "bare") == key("bare")


def test_remove_on_a_missing_item_creates_nothing(ddb, table):
    # DynamoDB creates no item for an update that only removes (test_update_missing_item.py).
    update(ddb, table, "REMOVE a", name="ghost")
    assert get(ddb, table, "ghost") is None


@pytest.mark.parametrize("expression", ["SET pk = :v", "SET #k = :v", "SET pk.x = :v"])
def test_key_attributes_cannot_be_updated(ddb, table, expression):
    names = {"#k": "pk"} if "#k" in expression else None
    e = update_error(ddb, table, expression, {":v": S("x")}, names)
    assert_error(e, "ValidationException",
                 "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key")


def test_sort_key_cannot_be_removed(ddb, make_table):
    table = make_table("pk:S", "sk:N")
    with pytest.raises(ClientError) as e:
        ddb.update_item(TableName=table, Key={"pk": S("a"), "sk": N(1)}, UpdateExpression="REMOVE sk")
    assert_error(e, "ValidationException",
                 "One or more parameter values were invalid: Cannot update attribute sk. This attribute is part of the key")


def test_wrong_key_is_refused(ddb, table):
    with pytest.raises(ClientError) as e:
        ddb.update_item(TableName=table, Key={"other": S("a")}, UpdateExpression="SET a = :v",
                        ExpressionAttributeValues={":v": N(1)})
    assert_error(e, "ValidationException", "The provided key element does not match the schema",
                 local="One of the required keys was not given a value")


def test_missing_table(ddb):
    with pytest.raises(ClientError) as e:
        ddb.update_item(TableName="no_such_table", Key=key(), UpdateExpression="SET a = :v",
                        ExpressionAttributeValues={":v": N(1)})
    assert_error(e, "ResourceNotFoundException", "Requested resource not found",
                 local="Cannot do operations on a non-existent table")


def test_item_size_limit_after_update(ddb, table):
    put(ddb, table, a=S("x" * 300_000))
    e = update_error(ddb, table, "SET b = :b", {":b": S("y" * 150_000)})
    assert_error(e, "ValidationException", "Item size to update has exceeded the maximum allowed size")
    assert "b" not in get(ddb, table)


def test_index_key_type_is_checked(ddb, make_table):
    table = make_table("pk:S", AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                                     {"AttributeName": "g", "AttributeType": "S"}],
                       GlobalSecondaryIndexes=[{"IndexName": "by_g", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
                                                "Projection": {"ProjectionType": "ALL"}}])
    e = update_error(ddb, table, "SET g = :v", {":v": N(1)})
    assert_error(e, "ValidationException",
                 "One or more parameter values were invalid: Type mismatch for Index Key g Expected: S Actual: N "
                 "IndexName: by_g",
                 local="One or more parameter values were invalid: Type mismatch for Index Key")
    e = update_error(ddb, table, "SET g = :v", {":v": S("")})
    assert_error(e, "ValidationException",
                 "One or more parameter values are not valid. The update expression attempted to update a secondary "
                 "index key to a value that is not supported. The AttributeValue for a key attribute cannot contain "
                 "an empty string value. IndexName: by_g, IndexKey: g",
                 local="One or more parameter values are not valid. The update expression attempted to update a "
                       "secondary index key to a value that is not supported. The AttributeValue for a key attribute "
                       "cannot contain an empty string value.")
    update(ddb, table, "SET g = :v", {":v": S("ok")})
    assert get(ddb, table)["g"] == S("ok")


# --- ReturnValues -------------------------------------------------------------------------------------

@pytest.mark.parametrize("return_values, expected", [
    ("NONE", None),
    ("ALL_OLD", {"pk": S("k"), "a": N(1), "b": {"M": {"x": N(1), "y": N(2)}}, "c": S("c")}),
    ("ALL_NEW", {"pk": S("k"), "a": N(2), "b": {"M": {"x": N(5), "y": N(2)}}, "d": S("d")}),
    ("UPDATED_OLD", {"a": N(1), "b": {"M": {"x": N(1)}}, "c": S("c")}),
    ("UPDATED_NEW", {"a": N(2), "b": {"M": {"x": N(5)}}, "d": S("d")}),
])
def test_return_values(ddb, table, return_values, expected):
    put(ddb, table, a=N(1), b={"M": {"x": N(1), "y": N(2)}}, c=S("c"))
    resp = update(ddb, table, "SET a = a + :one, b.x = :five, d = :d REMOVE c",
                  {":one": N(1), ":five": N(5), ":d": S("d")}, ReturnValues=return_values)
    if target.is_dynamodb_local and return_values.startswith("UPDATED_"):
        # DynamoDB Local returns whole top-level attributes; DynamoDB only the updated paths.
        expected["b"] = resp["Attributes"]["b"]
    assert resp.get("Attributes") == expected


def test_updated_new_of_list_elements(ddb, table):
    put(ddb, table, a={"M": {"c": {"L": [N(1), N(2), N(3)]}}})
    if target.is_dynamodb_local:
        pytest.skip("DynamoDB Local returns whole top-level attributes for UPDATED_NEW")
    # Appending past the end is not returned; removing returns the element shifted into place.
    assert "Attributes" not in update(ddb, table, "SET a.c[100] = :v", {":v": N(9)}, ReturnValues="UPDATED_NEW")
    resp = update(ddb, table, "REMOVE a.c[1]", ReturnValues="UPDATED_NEW")
    assert resp["Attributes"] == {"a": {"M": {"c": {"L": [N(3)]}}}}
    resp = update(ddb, table, "SET a.x = :v", {":v": N(8)}, ReturnValues="UPDATED_OLD")
    assert "Attributes" not in resp


def test_return_values_on_a_new_item(ddb, table):
    resp = update(ddb, table, "SET a = :v", {":v": N(1)}, name="new", ReturnValues="ALL_OLD")
    assert "Attributes" not in resp
    resp = update(ddb, table, "SET b = :v", {":v": N(1)}, name="new2", ReturnValues="UPDATED_OLD")
    assert "Attributes" not in resp


def test_invalid_return_values(raw, table):
    resp = raw("UpdateItem", {"TableName": table, "Key": key(), "ReturnValues": "ALL"})
    assert_error(resp, "ValidationException",
                 "1 validation error detected: Value 'ALL' at 'returnValues' failed to satisfy constraint: "
                 "Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]",
                 local="Return values set to invalid value")


def test_consumed_capacity(ddb, table):
    resp = update(ddb, table, "SET a = :v", {":v": S("x" * 1500)}, ReturnConsumedCapacity="TOTAL")
    assert resp["ConsumedCapacity"] == {"TableName": table, "CapacityUnits": 2.0}
