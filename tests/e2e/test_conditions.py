"""Conditional writes: ConditionExpression on PutItem, UpdateItem and DeleteItem — every comparator,
BETWEEN, IN, AND/OR/NOT with DynamoDB's precedence, every function, comparisons across types, and
ConditionalCheckFailedException with ReturnValuesOnConditionCheckFailure.
"""
import pytest
from botocore.exceptions import ClientError

from e2e_helpers import assert_error

ITEM = {
    "pk": {"S": "k"},
    "n": {"N": "10"},
    "s": {"S": "hello"},
    "b": {"B": b"\x01\x02"},
    "t": {"BOOL": True},
    "z": {"NULL": True},
    "ss": {"SS": ["a", "b"]},
    "ns": {"NS": ["1", "2"]},
    "bs": {"BS": [b"\x01"]},
    "l": {"L": [{"S": "x"}, {"N": "1"}]},
    "m": {"M": {"inr": {"N": "5"}, "deep": {"M": {"s": {"S": "v"}}}}},
}


@pytest.fixture(scope="module")
def table(ddb):
    """One table with ITEM, shared by the read-only condition checks of this module."""
    import uuid
    name = f"t_cond_{uuid.uuid4().hex[:8]}"
    ddb.create_table(TableName=name, BillingMode="PAY_PER_REQUEST",
                     KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                     AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}])
    ddb.put_item(TableName=name, Item=ITEM)
    yield name
    ddb.delete_table(TableName=name)


def holds(ddb, table, condition, values=None, names=None):
    """Whether `condition` holds for ITEM: a PutItem that rewrites ITEM under the condition."""
    args = dict(TableName=table, Item=ITEM, ConditionExpression=condition)
    if values:
        args["ExpressionAttributeValues"] = values
    if names:
        args["ExpressionAttributeNames"] = names
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


@pytest.mark.parametrize("condition, value, expected", [
    ("n = :v", N(10), True), ("n = :v", N("10.0"), True), ("n = :v", N(11), False),
    ("n <> :v", N(11), True), ("n <> :v", N(10), False),
    ("n < :v", N(11), True), ("n < :v", N(10), False),
    ("n <= :v", N(10), True), ("n <= :v", N(9), False),
    ("n > :v", N(9), True), ("n > :v", N("1E+1"), False),
    ("n >= :v", N(10), True), ("n >= :v", N(11), False),
    ("n > :v", N(-100), True),
    ("s < :v", S("hellp"), True), ("s > :v", S("Hello"), True),
    ("b < :v", {"B": b"\x01\x03"}, True), ("b > :v", {"B": b"\x01"}, True),
    ("t = :v", {"BOOL": True}, True), ("z = :v", {"NULL": True}, True),
    ("ss = :v", {"SS": ["b", "a"]}, True), ("ns = :v", {"NS": ["2", "1.0"]}, True),
    ("l = :v", {"L": [S("x"), N(1)]}, True), ("l = :v", {"L": [N(1), S("x")]}, False),
    ("m.inr = :v", N(5), True), ("m.deep.s = :v", S("v"), True), ("l[1] = :v", N(1), True),
    ("m = :v", {"M": {"deep": {"M": {"s": S("v")}}, "inr": N(5)}}, True),
])
def test_comparators(ddb, table, condition, value, expected):
    assert holds(ddb, table, condition, {":v": value}) is expected


@pytest.mark.parametrize("condition, value", [
    ("n = :v", S("10")), ("n < :v", S("99")), ("n > :v", S("1")), ("n <> :v", S("10")),
    ("gone = :v", N(1)), ("gone < :v", N(1)),
])
def test_comparisons_across_types_or_with_gone_attributes(ddb, table, condition, value):
    # Different types are never equal nor ordered, but they are "not equal".
    assert holds(ddb, table, condition, {":v": value}) is condition.endswith("<> :v")


def test_ordering_of_non_scalars_is_refused(ddb, table):
    with pytest.raises(ClientError) as e:
        holds(ddb, table, "l < :v", {":v": {"L": []}})
    assert_error(e, "ValidationException",
                 "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or "
                 "function: <, operand type: L")


def test_comparing_two_attributes(ddb, table):
    assert holds(ddb, table, "n > m.inr")
    assert not holds(ddb, table, "n = m.inr")


def test_between(ddb, table):
    assert holds(ddb, table, "n BETWEEN :a AND :b", {":a": N(1), ":b": N(10)})
    assert not holds(ddb, table, "n BETWEEN :a AND :b", {":a": N(11), ":b": N(20)})
    assert holds(ddb, table, "s BETWEEN :a AND :b", {":a": S("h"), ":b": S("i")})
    assert not holds(ddb, table, "s BETWEEN :a AND :b", {":a": N(1), ":b": N(20)})


def test_between_with_bounds_reversed_is_refused(ddb, table):
    with pytest.raises(ClientError) as e:
        holds(ddb, table, "n BETWEEN :a AND :b", {":a": N(20), ":b": N(1)})
    assert_error(e, "ValidationException",
                 "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or "
                 "equal to lower bound; lower bound operand: AttributeValue: {N:20}, upper bound operand: "
                 "AttributeValue: {N:1}")


def test_in(ddb, table):
    assert holds(ddb, table, "n IN (:a, :b)", {":a": N(1), ":b": N(10)})
    assert not holds(ddb, table, "n IN (:a, :b)", {":a": N(1), ":b": S("10")})
    assert holds(ddb, table, "s IN (:a)", {":a": S("hello")})


def test_in_accepts_100_values_and_refuses_101(ddb, table):
    values = {f":v{i}": N(i) for i in range(101)}
    hundred = ", ".join(f":v{i}" for i in range(1, 101))
    assert holds(ddb, table, f"n IN ({hundred})", {k: v for k, v in values.items() if k != ":v0"})
    with pytest.raises(ClientError) as e:
        holds(ddb, table, "n IN (" + ", ".join(values) + ")", values)
    assert_error(e, "ValidationException",
                 "Invalid ConditionExpression: The IN operator is provided with too many operands; "
                 "number of operands: 101")


@pytest.mark.parametrize("condition, expected", [
    ("attribute_exists(n)", True), ("attribute_exists(gone)", False),
    ("attribute_exists(m.deep.s)", True), ("attribute_exists(m.nope)", False), ("attribute_exists(l[1])", True),
    ("attribute_exists(l[2])", False), ("attribute_not_exists(gone)", True), ("attribute_not_exists(s)", False),
    ("attribute_type(n, :N)", True), ("attribute_type(n, :S)", False), ("attribute_type(ss, :SS)", True),
    ("attribute_type(m, :M)", True), ("attribute_type(l, :L)", True), ("attribute_type(z, :NULL)", True),
    ("attribute_type(t, :BOOL)", True), ("attribute_type(b, :B)", True),
    ("begins_with(s, :he)", True), ("begins_with(s, :S)", False), ("begins_with(n, :he)", False),
    ("contains(s, :ell)", True), ("contains(ss, :a)", True), ("contains(ss, :he)", False),
    ("contains(l, :x)", True), ("contains(ns, :one)", True), ("contains(n, :one)", False),
    ("size(s) = :five", True), ("size(ss) = :two", True), ("size(l) = :two", True), ("size(m) = :two", True),
    ("size(b) = :two", True), ("size(gone) = :two", False), ("size(n) = :two", False),
    ("size(s) > size(l)", True),
])
def test_functions(ddb, table, condition, expected):
    values = {":N": S("N"), ":S": S("S"), ":SS": S("SS"), ":M": S("M"), ":L": S("L"), ":NULL": S("NULL"),
              ":BOOL": S("BOOL"), ":B": S("B"), ":he": S("he"), ":ell": S("ell"), ":a": S("a"), ":x": S("x"),
              ":one": N(1), ":five": N(5), ":two": N(2)}
    used = {k: v for k, v in values.items() if k in condition.replace(")", " ").replace(",", " ").split()}
    assert holds(ddb, table, condition, used) is expected


def test_begins_with_binary(ddb, table):
    assert holds(ddb, table, "begins_with(b, :p)", {":p": {"B": b"\x01"}})


def test_attribute_type_with_an_unknown_type_is_refused(ddb, table):
    with pytest.raises(ClientError) as e:
        holds(ddb, table, "attribute_type(n, :t)", {":t": S("X")})
    assert_error(e, "ValidationException",
                 "Invalid ConditionExpression: Invalid attribute type name found; type: X, valid types: "
                 "{N,BS,L,B,NULL,M,S,SS,NS,BOOL}")


@pytest.mark.parametrize("condition, expected", [
    ("n = :ten OR n = :one AND n = :one", True),        # AND binds tighter than OR
    ("(n = :ten OR n = :one) AND n = :one", False),
    ("NOT n = :one AND n = :ten", True),                # NOT binds tighter than AND
    ("NOT (n = :ten AND n = :one)", True),
    ("NOT n = :ten", False),
    ("n = :one OR NOT n = :one", True),
    ("attribute_exists(s) AND (begins_with(s, :he) OR n < :one)", True),
    ("n between :one and :ten and not s in (:he)", True),  # keywords are case-insensitive
])
def test_logical_operators_and_precedence(ddb, table, condition, expected):
    values = {":ten": N(10), ":one": N(1), ":he": S("he")}
    used = {k: v for k, v in values.items() if k in condition}
    assert holds(ddb, table, condition, used) is expected


def test_names_placeholders_for_reserved_words_and_dots(ddb, table):
    assert holds(ddb, table, "#size = :v", {":v": N(10)}, {"#size": "n"})
    assert holds(ddb, table, "#m.#i = :v", {":v": N(5)}, {"#m": "m", "#i": "inr"})
    assert not holds(ddb, table, "attribute_exists(#dotted)", None, {"#dotted": "m.inr"})


# --- on each write operation --------------------------------------------------------------------------

@pytest.fixture
def fresh(make_table):
    return make_table("pk:S")


def test_put_if_not_exists(ddb, fresh):
    ddb.put_item(TableName=fresh, Item={"pk": S("a"), "v": N(1)}, ConditionExpression="attribute_not_exists(pk)")
    with pytest.raises(ClientError) as e:
        ddb.put_item(TableName=fresh, Item={"pk": S("a"), "v": N(2)}, ConditionExpression="attribute_not_exists(pk)")
    assert_error(e, "ConditionalCheckFailedException", "The conditional request failed")
    assert "Item" not in e.value.response
    assert ddb.get_item(TableName=fresh, Key={"pk": S("a")})["Item"]["v"] == N(1)


def test_failed_condition_returns_the_item_when_asked(ddb, raw, fresh):
    ddb.put_item(TableName=fresh, Item={"pk": S("a"), "v": N(1)})
    for op, body in [("PutItem", {"Item": {"pk": S("a"), "v": N(2)}}),
                     ("DeleteItem", {"Key": {"pk": S("a")}}),
                     ("UpdateItem", {"Key": {"pk": S("a")}, "UpdateExpression": "SET v = :two"})]:
        body = dict(body, TableName=fresh, ConditionExpression="v = :two", ExpressionAttributeValues={":two": N(2)},
                    ReturnValuesOnConditionCheckFailure="ALL_OLD")
        if op == "DeleteItem":
            body["ConditionExpression"] = "v = :two"
        resp = raw(op, body)
        assert_error(resp, "ConditionalCheckFailedException", "The conditional request failed")
        assert resp.json["Item"] == {"pk": S("a"), "v": N(1)}, op
    assert ddb.get_item(TableName=fresh, Key={"pk": S("a")})["Item"]["v"] == N(1)


def test_failed_condition_on_a_gone_item_has_no_item(raw, fresh):
    resp = raw("UpdateItem", {"TableName": fresh, "Key": {"pk": S("none")}, "UpdateExpression": "SET v = :one",
                              "ConditionExpression": "attribute_exists(pk)", "ExpressionAttributeValues": {":one": N(1)},
                              "ReturnValuesOnConditionCheckFailure": "ALL_OLD"})
    assert_error(resp, "ConditionalCheckFailedException", "The conditional request failed")
    assert "Item" not in resp.json


def test_conditional_delete(ddb, fresh):
    ddb.put_item(TableName=fresh, Item={"pk": S("a"), "v": N(1)})
    with pytest.raises(ClientError):
        ddb.delete_item(TableName=fresh, Key={"pk": S("a")}, ConditionExpression="v > :v",
                        ExpressionAttributeValues={":v": N(1)})
    resp = ddb.delete_item(TableName=fresh, Key={"pk": S("a")}, ConditionExpression="v >= :v",
                           ExpressionAttributeValues={":v": N(1)}, ReturnValues="ALL_OLD")
    assert resp["Attributes"] == {"pk": S("a"), "v": N(1)}
    assert "Item" not in ddb.get_item(TableName=fresh, Key={"pk": S("a")})


def test_conditional_update_with_shared_placeholders(ddb, fresh):
    ddb.put_item(TableName=fresh, Item={"pk": S("a"), "version": N(1)})
    args = dict(TableName=fresh, Key={"pk": S("a")}, UpdateExpression="SET #v = #v + :one",
                ConditionExpression="#v = :expected", ExpressionAttributeNames={"#v": "version"})
    ddb.update_item(ExpressionAttributeValues={":one": N(1), ":expected": N(1)}, **args)
    with pytest.raises(ClientError) as e:
        ddb.update_item(ExpressionAttributeValues={":one": N(1), ":expected": N(1)}, **args)
    assert_error(e, "ConditionalCheckFailedException", "The conditional request failed")
    assert ddb.get_item(TableName=fresh, Key={"pk": S("a")})["Item"]["version"] == N(2)


def test_condition_on_a_gone_item_sees_no_attributes(ddb, fresh):
    ddb.update_item(TableName=fresh, Key={"pk": S("new")}, UpdateExpression="SET v = :one",
                    ConditionExpression="attribute_not_exists(v) AND NOT v = :one",
                    ExpressionAttributeValues={":one": N(1)})
    assert ddb.get_item(TableName=fresh, Key={"pk": S("new")})["Item"]["v"] == N(1)
