"""Query: key conditions, order, paging (Limit, 1 MB pages, ExclusiveStartKey), filters, projections,
Select, counts, capacity and every validation error."""
import pytest
from botocore.exceptions import ClientError

from e2e_helpers import assert_error, constraint, target, validation_errors


def load(ddb, table, items):
    for start in range(0, len(items), 25):
        ddb.batch_write_item(RequestItems={table: [{"PutRequest": {"Item": it}} for it in items[start:start + 25]]})


@pytest.fixture
def numbers(ddb, make_table):
    """pk 'a' with sk 0..19 (and a second partition 'b' with 3 items)."""
    table = make_table("pk:S", "sk:N")
    items = [{"pk": {"S": "a"}, "sk": {"N": str(i)}, "v": {"N": str(i % 3)}, "m": {"M": {"x": {"S": "y"}, "z": {"N": "1"}}}}
             for i in range(20)]
    items += [{"pk": {"S": "b"}, "sk": {"N": str(i)}} for i in range(3)]
    load(ddb, table, items)
    return table


def query(ddb, table, kce, values, **kw):
    return ddb.query(TableName=table, KeyConditionExpression=kce, ExpressionAttributeValues=values, **kw)


def sks(resp):
    return [int(it["sk"]["N"]) for it in resp["Items"]]


A = {":p": {"S": "a"}}


@pytest.mark.parametrize("kce,extra,expected", [
    ("pk = :p", {}, list(range(20))),
    ("pk = :p AND sk = :s", {":s": {"N": "5"}}, [5]),
    ("pk = :p AND sk < :s", {":s": {"N": "3"}}, [0, 1, 2]),
    ("pk = :p AND sk <= :s", {":s": {"N": "3"}}, [0, 1, 2, 3]),
    ("pk = :p AND sk > :s", {":s": {"N": "16"}}, [17, 18, 19]),
    ("pk = :p AND sk >= :s", {":s": {"N": "17"}}, [17, 18, 19]),
    ("pk = :p AND :s < sk", {":s": {"N": "17"}}, [18, 19]),
    ("pk = :p AND sk BETWEEN :s AND :t", {":s": {"N": "4"}, ":t": {"N": "6"}}, [4, 5, 6]),
    ("pk = :p AND sk BETWEEN :s AND :t", {":s": {"N": "-1.5"}, ":t": {"N": "0.5"}}, [0]),
])
def test_sort_key_conditions(ddb, numbers, kce, extra, expected):
    resp = query(ddb, numbers, kce, {**A, **extra})
    assert sks(resp) == expected
    assert resp["Count"] == resp["ScannedCount"] == len(expected)
    back = query(ddb, numbers, kce, {**A, **extra}, ScanIndexForward=False)
    assert sks(back) == expected[::-1]


def test_begins_with_on_string_sort_key(ddb, make_table):
    table = make_table("pk:S", "sk:S")
    load(ddb, table, [{"pk": {"S": "p"}, "sk": {"S": s}} for s in ["a", "ab", "abc", "abd", "b", "a\u00e9", "aa"]])
    resp = query(ddb, table, "pk = :p AND begins_with(sk, :b)", {":p": {"S": "p"}, ":b": {"S": "ab"}})
    assert [it["sk"]["S"] for it in resp["Items"]] == ["ab", "abc", "abd"]
    resp = query(ddb, table, "pk = :p AND begins_with(sk, :b)", {":p": {"S": "p"}, ":b": {"S": "a"}})
    assert [it["sk"]["S"] for it in resp["Items"]] == ["a", "aa", "ab", "abc", "abd", "a\u00e9"]


def test_binary_sort_key_order(ddb, make_table):
    table = make_table("pk:S", "sk:B")
    values = [b"\x00", b"\x00\x00", b"\x01", b"\x7f", b"\x80", b"\xff"]
    load(ddb, table, [{"pk": {"S": "p"}, "sk": {"B": v}} for v in reversed(values)])
    resp = query(ddb, table, "pk = :p", {":p": {"S": "p"}})
    assert [it["sk"]["B"] for it in resp["Items"]] == values


def test_legacy_key_conditions_and_query_filter(ddb, numbers):
    resp = ddb.query(TableName=numbers, KeyConditions={
        "pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "a"}]},
        "sk": {"ComparisonOperator": "BETWEEN", "AttributeValueList": [{"N": "2"}, {"N": "8"}]}},
        QueryFilter={"v": {"ComparisonOperator": "EQ", "AttributeValueList": [{"N": "0"}]},
                     "zz": {"ComparisonOperator": "NOT_NULL"}}, ConditionalOperator="OR")
    assert sks(resp) == [3, 6]
    assert resp["ScannedCount"] == 7


def test_limit_and_exclusive_start_key_both_directions(ddb, numbers):
    for forward in (True, False):
        seen, start, pages = [], None, 0
        while True:
            kw = {"ExclusiveStartKey": start} if start else {}
            resp = query(ddb, numbers, "pk = :p", A, Limit=7, ScanIndexForward=forward, **kw)
            pages += 1
            seen += sks(resp)
            start = resp.get("LastEvaluatedKey")
            if not start:
                break
            assert start == {"pk": {"S": "a"}, "sk": resp["Items"][-1]["sk"]}
        assert seen == (list(range(20)) if forward else list(range(19, -1, -1)))
        assert pages == 3


def test_limit_reached_at_the_end_still_returns_last_evaluated_key(ddb, numbers):
    resp = query(ddb, numbers, "pk = :p", {":p": {"S": "b"}}, Limit=3)
    assert resp["LastEvaluatedKey"] == {"pk": {"S": "b"}, "sk": {"N": "2"}}
    resp = query(ddb, numbers, "pk = :p", {":p": {"S": "b"}}, ExclusiveStartKey=resp["LastEvaluatedKey"])
    assert resp["Items"] == [] and "LastEvaluatedKey" not in resp


@pytest.fixture
def big_partition(ddb, make_table):
    """60 items of about 100 KB in one partition: about 6 pages of 1 MB."""
    table = make_table("pk:S", "sk:N")
    blob = "x" * 100_000
    load(ddb, table, [{"pk": {"S": "big"}, "sk": {"N": str(i)}, "d": {"S": blob}} for i in range(60)])
    return table


@pytest.mark.parametrize("forward", [True, False])
def test_one_megabyte_pages(ddb, big_partition, forward):
    seen, start, pages = [], None, []
    while True:
        kw = {"ExclusiveStartKey": start} if start else {}
        resp = query(ddb, big_partition, "pk = :p", {":p": {"S": "big"}}, ScanIndexForward=forward,
                     ReturnConsumedCapacity="TOTAL", **kw)
        pages.append(resp["Count"])
        seen += sks(resp)
        start = resp.get("LastEvaluatedKey")
        if not start:
            break
    assert seen == (list(range(60)) if forward else list(range(59, -1, -1)))
    # 11 items of 100 KB reach 1 MB: the item that crosses the limit is the last of the page.
    assert pages[:5] == [11] * 5 and sum(pages) == 60


def test_filter_that_drops_whole_pages(ddb, big_partition):
    start, pages, scanned = None, 0, 0
    while True:
        kw = {"ExclusiveStartKey": start} if start else {}
        resp = query(ddb, big_partition, "pk = :p", {":p": {"S": "big"}, ":n": {"N": "59"}},
                     FilterExpression="attribute_not_exists(d) OR #s = :n",
                     ExpressionAttributeNames={"#s": "sk_copy"}, **kw)
        pages += 1
        scanned += resp["ScannedCount"]
        assert resp["Count"] == 0 and resp["Items"] == []
        start = resp.get("LastEvaluatedKey")
        if not start:
            break
    assert scanned == 60
    if not target.is_dynamodb_local:  # DynamoDB Local applies the 1 MB limit after the filter
        assert pages == 6


def test_count_and_select(ddb, numbers):
    resp = query(ddb, numbers, "pk = :p", {**A, ":z": {"N": "0"}}, Select="COUNT", FilterExpression="v = :z")
    assert "Items" not in resp and resp["Count"] == 7 and resp["ScannedCount"] == 20
    resp = query(ddb, numbers, "pk = :p AND sk < :s", {**A, ":s": {"N": "2"}}, Select="ALL_ATTRIBUTES")
    assert set(resp["Items"][0]) == {"pk", "sk", "v", "m"}
    resp = query(ddb, numbers, "pk = :p AND sk < :s", {**A, ":s": {"N": "2"}}, Select="SPECIFIC_ATTRIBUTES",
                 ProjectionExpression="sk, m.x, nothing")
    assert resp["Items"] == [{"sk": {"N": "0"}, "m": {"M": {"x": {"S": "y"}}}},
                             {"sk": {"N": "1"}, "m": {"M": {"x": {"S": "y"}}}}]
    resp = ddb.query(TableName=numbers, KeyConditions={"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "b"}]}},
                     AttributesToGet=["sk"])
    assert resp["Items"] == [{"sk": {"N": "0"}}, {"sk": {"N": "1"}}, {"sk": {"N": "2"}}]


def test_consumed_capacity(ddb, numbers):
    resp = query(ddb, numbers, "pk = :p", A, ReturnConsumedCapacity="TOTAL")
    assert resp["ConsumedCapacity"] == {"TableName": numbers, "CapacityUnits": 0.5}
    resp = query(ddb, numbers, "pk = :p", A, ReturnConsumedCapacity="INDEXES", ConsistentRead=True)
    assert resp["ConsumedCapacity"] == {"TableName": numbers, "CapacityUnits": 1.0, "Table": {"CapacityUnits": 1.0}}
    assert "ConsumedCapacity" not in query(ddb, numbers, "pk = :p", A, ReturnConsumedCapacity="NONE")


def test_empty_partition(ddb, numbers):
    resp = query(ddb, numbers, "pk = :p", {":p": {"S": "none"}})
    assert resp["Items"] == [] and resp["Count"] == 0 and resp["ScannedCount"] == 0


def err(ddb, table, **kw):
    with pytest.raises(ClientError) as e:
        ddb.query(TableName=table, **kw)
    return e


KC = {"KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": A}


def test_validation_errors(ddb, raw, numbers):
    assert_error(err(ddb, numbers), "ValidationException",
                 "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.")
    resp = raw("Query", {"TableName": numbers, "Limit": 0, **KC})
    assert_error(resp, "ValidationException",
                 "1 validation error detected: Value at 'Limit' failed to satisfy constraint: "
                 "Member must have value greater than or equal to 1",
                 local="Limit must be greater than or equal to 1")
    assert_error(err(ddb, numbers, Select="COUNT", ProjectionExpression="v", **KC), "ValidationException",
                 "Cannot specify the ProjectionExpression when choosing to get only the Count")
    assert_error(err(ddb, numbers, Select="SPECIFIC_ATTRIBUTES", **KC), "ValidationException",
                 "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES")
    assert_error(err(ddb, numbers, Select="ALL_ATTRIBUTES", ProjectionExpression="v", **KC), "ValidationException",
                 "Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES")
    assert_error(err(ddb, numbers, Select="ALL_PROJECTED_ATTRIBUTES", **KC), "ValidationException",
                 "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName")
    assert_error(err(ddb, numbers, IndexName="nope", **KC), "ValidationException",
                 "The table does not have the specified index: nope")
    assert_error(err(ddb, numbers, FilterExpression="sk = :p", **KC), "ValidationException",
                 "Filter Expression can only contain non-primary key attributes: Primary key attribute: sk")
    assert_error(err(ddb, numbers, KeyConditionExpression="pk = :p", ExpressionAttributeValues={**A, ":u": {"S": "u"}}),
                 "ValidationException", "Value provided in ExpressionAttributeValues unused in expressions: keys: {:u}")
    assert_error(err(ddb, numbers, KeyConditionExpression="pk = :p AND sk = :s",
                     ExpressionAttributeValues={**A, ":s": {"S": "x"}}), "ValidationException",
                 "One or more parameter values were invalid: Condition parameter type does not match schema type")
    assert_error(err(ddb, "nosuchtable", **KC), "ResourceNotFoundException", None)


def test_exclusive_start_key_errors(ddb, numbers):
    local_size = "Exclusive Start Key must have same size as table's key schema"
    assert_error(err(ddb, numbers, ExclusiveStartKey={"pk": {"S": "a"}}, **KC), "ValidationException",
                 "The provided starting key is invalid", local=local_size)
    assert_error(err(ddb, numbers, ExclusiveStartKey={"pk": {"S": "a"}, "sk": {"N": "1"}, "x": {"S": "x"}}, **KC),
                 "ValidationException", "The provided starting key is invalid", local=local_size)
    assert_error(err(ddb, numbers, ExclusiveStartKey={"pk": {"S": "a"}, "sk": {"S": "1"}}, **KC), "ValidationException",
                 "The provided starting key is invalid: The provided key element does not match the schema",
                 local="Type mismatch for attribute to update")
    assert_error(err(ddb, numbers, ExclusiveStartKey={"pk": {"S": "b"}, "sk": {"N": "1"}}, **KC), "ValidationException",
                 "The provided starting key is outside query boundaries based on provided conditions",
                 local="The provided starting key does not match the range key predicate")
    assert_error(err(ddb, numbers, KeyConditionExpression="pk = :p AND sk > :s",
                     ExpressionAttributeValues={**A, ":s": {"N": "5"}}, ExclusiveStartKey={"pk": {"S": "a"}, "sk": {"N": "5"}}),
                 "ValidationException", "The provided starting key does not match the range key predicate")
