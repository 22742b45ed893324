"""Projections on reads: ProjectionExpression (top-level attributes, nested map members, list
elements, name placeholders) and its errors, on GetItem, BatchGetItem and TransactGetItems.
AttributesToGet is covered by test_legacy.py.
"""
import pytest

from e2e_helpers import assert_error

ITEM = {
    "pk": {"S": "k"},
    "a": {"N": "1"},
    "b": {"S": "x"},
    "m": {"M": {"x": {"N": "1"}, "y": {"M": {"z": {"S": "deep"}, "w": {"N": "2"}}}}},
    "l": {"L": [{"N": "0"}, {"M": {"q": {"S": "one"}, "r": {"S": "r"}}}, {"N": "2"}]},
    "name": {"S": "reserved"},
}


@pytest.fixture
def table(ddb, make_table):
    name = make_table("pk:S")
    ddb.put_item(TableName=name, Item=ITEM)
    return name


def project(ddb, table, expression, names=None):
    args = dict(TableName=table, Key={"pk": {"S": "k"}}, ProjectionExpression=expression)
    if names:
        args["ExpressionAttributeNames"] = names
    return ddb.get_item(**args)["Item"]


@pytest.mark.parametrize("expression, expected", [
    ("a", {"a": ITEM["a"]}),
    ("a, b, pk", {"a": ITEM["a"], "b": ITEM["b"], "pk": ITEM["pk"]}),
    ("m.x", {"m": {"M": {"x": {"N": "1"}}}}),
    ("m.y.z, m.x", {"m": {"M": {"x": {"N": "1"}, "y": {"M": {"z": {"S": "deep"}}}}}}),
    ("l[1].q", {"l": {"L": [{"M": {"q": {"S": "one"}}}]}}),
    ("l[2], l[0]", {"l": {"L": [{"N": "0"}, {"N": "2"}]}}),
    ("l[7], gone, m.gone", {}),
    ("a.b, l.x, m[0]", {}),
])
def test_projection_paths(ddb, table, expression, expected):
    assert project(ddb, table, expression) == expected


def test_name_placeholders(ddb, table):
    assert project(ddb, table, "#n, #m.#y.w", {"#n": "name", "#m": "m", "#y": "y"}) == {
        "name": ITEM["name"], "m": {"M": {"y": {"M": {"w": {"N": "2"}}}}}}


def test_missing_item_has_no_item(ddb, table):
    resp = ddb.get_item(TableName=table, Key={"pk": {"S": "none"}}, ProjectionExpression="a")
    assert "Item" not in resp


@pytest.mark.parametrize("expression, message", [
    ("name", "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name"),
    ("a,", 'Invalid ProjectionExpression: Syntax error; token: "<EOF>", near: ","'),
    ("a, a", "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one "
             "of these paths; path one: [a], path two: [a]"),
    ("m, m.x", "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite "
               "one of these paths; path one: [m], path two: [m, x]"),
    ("l[0], l.x", "Invalid ProjectionExpression: Two document paths conflict with each other; must remove or "
                  "rewrite one of these paths; path one: [l, [0]], path two: [l, x]"),
    ("#x", "Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; "
           "attribute name: #x"),
    ("size(a)", 'Invalid ProjectionExpression: Syntax error; token: "(", near: "size(a"'),
    ("", "Invalid ProjectionExpression: The expression can not be empty;"),
])
def test_projection_errors(raw, table, expression, message):
    resp = raw("GetItem", {"TableName": table, "Key": {"pk": {"S": "k"}}, "ProjectionExpression": expression})
    assert_error(resp, "ValidationException", message)


def test_unused_names(raw, table):
    resp = raw("GetItem", {"TableName": table, "Key": {"pk": {"S": "k"}}, "ProjectionExpression": "#a",
                           "ExpressionAttributeNames": {"#a": "a", "#b": "b"}})
    assert_error(resp, "ValidationException", "Value provided in ExpressionAttributeNames unused in expressions: "
                                              "keys: {#b}")


def test_batch_get_item_projection(ddb, table):
    resp = ddb.batch_get_item(RequestItems={table: {"Keys": [{"pk": {"S": "k"}}], "ProjectionExpression": "#a, m.x",
                                                    "ExpressionAttributeNames": {"#a": "a"}}})
    assert resp["Responses"][table] == [{"a": ITEM["a"], "m": {"M": {"x": {"N": "1"}}}}]


def test_transact_get_items_projection(ddb, table):
    resp = ddb.transact_get_items(TransactItems=[{"Get": {"TableName": table, "Key": {"pk": {"S": "k"}},
                                                          "ProjectionExpression": "l[1].r"}}])
    assert resp["Responses"][0]["Item"] == {"l": {"L": [{"M": {"r": {"S": "r"}}}]}}
