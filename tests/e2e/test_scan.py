"""Scan: full and parallel scans, paging, filters, projections, counts and validation errors."""
import pytest
from botocore.exceptions import ClientError

from e2e_helpers import assert_error, constraint, validation_errors


def load(ddb, table, items):
    for start in range(0, len(items), 25):
        ddb.batch_write_item(RequestItems={table: [{"PutRequest": {"Item": it}} for it in items[start:start + 25]]})


def scan_all(ddb, table, **kw):
    items, start, pages = [], None, 0
    while True:
        extra = {"ExclusiveStartKey": start} if start else {}
        resp = ddb.scan(TableName=table, **kw, **extra)
        items += resp.get("Items", [])
        pages += 1
        start = resp.get("LastEvaluatedKey")
        if not start:
            return items, pages


def keys(items):
    return [(it["pk"]["S"], int(it["sk"]["N"])) for it in items]


@pytest.fixture(scope="module")
def many(endpoint):
    """10,000 items in 2,000 partitions, loaded once for the module."""
    from conftest import make_client, unique_table_name
    ddb = make_client(endpoint)
    name = unique_table_name()
    ddb.create_table(TableName=name, BillingMode="PAY_PER_REQUEST",
                     KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
                     AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                           {"AttributeName": "sk", "AttributeType": "N"}])
    load(ddb, name, [{"pk": {"S": f"p{i // 5}"}, "sk": {"N": str(i % 5)}, "n": {"N": str(i)}} for i in range(10_000)])
    yield name
    ddb.delete_table(TableName=name)


def test_parallel_scan_segments_are_disjoint_and_complete(ddb, many):
    all_items, _ = scan_all(ddb, many)
    assert len(all_items) == 10_000
    union = []
    for segment in range(4):
        items, _ = scan_all(ddb, many, Segment=segment, TotalSegments=4)
        assert 1500 < len(items) < 3500
        union += keys(items)
    assert len(union) == len(set(union)) == 10_000
    assert set(union) == set(keys(all_items))


def test_scan_groups_partitions_and_sorts_within_them(ddb, many):
    items, _ = scan_all(ddb, many, Limit=777)
    seen_partitions, last = [], None
    for pk, sk in keys(items):
        if pk != last:
            assert pk not in seen_partitions
            seen_partitions.append(pk)
            last, last_sk = pk, -1
        assert sk > last_sk
        last_sk = sk
    assert len(seen_partitions) == 2000


def test_scan_order_does_not_depend_on_insertion(ddb, make_table):
    first, second = make_table("pk:S"), make_table("pk:S")
    names = [f"k{i}" for i in range(50)]
    load(ddb, first, [{"pk": {"S": n}} for n in names])
    load(ddb, second, [{"pk": {"S": n}} for n in reversed(names)])
    order = lambda t: [it["pk"]["S"] for it in scan_all(ddb, t)[0]]
    assert order(first) == order(second)
    assert sorted(order(first)) == sorted(names)


def test_count_filter_and_limit(ddb, many):
    resp = ddb.scan(TableName=many, Select="COUNT", FilterExpression="n < :n",
                    ExpressionAttributeValues={":n": {"N": "100"}}, Limit=5000)
    assert "Items" not in resp and resp["ScannedCount"] == 5000 and "LastEvaluatedKey" in resp
    total = 0
    start = None
    while True:
        extra = {"ExclusiveStartKey": start} if start else {}
        resp = ddb.scan(TableName=many, Select="COUNT", ScanFilter={"n": {"ComparisonOperator": "LT",
                                                                          "AttributeValueList": [{"N": "100"}]}}, **extra)
        total += resp["Count"]
        start = resp.get("LastEvaluatedKey")
        if not start:
            break
    assert total == 100


def test_projection_and_attributes_to_get(ddb, make_table):
    table = make_table("pk:S")
    ddb.put_item(TableName=table, Item={"pk": {"S": "a"}, "x": {"L": [{"S": "0"}, {"S": "1"}]}, "y": {"S": "y"}})
    assert ddb.scan(TableName=table, ProjectionExpression="x[1], #y", ExpressionAttributeNames={"#y": "y"})["Items"] == [
        {"x": {"L": [{"S": "1"}]}, "y": {"S": "y"}}]
    assert ddb.scan(TableName=table, AttributesToGet=["pk"])["Items"] == [{"pk": {"S": "a"}}]
    resp = ddb.scan(TableName=table, ReturnConsumedCapacity="TOTAL")
    assert resp["ConsumedCapacity"] == {"TableName": table, "CapacityUnits": 0.5}


def err(ddb, table, **kw):
    with pytest.raises(ClientError) as e:
        ddb.scan(TableName=table, **kw)
    return e


def test_segment_errors(ddb, raw, make_table):
    table = make_table("pk:S", "sk:N")
    assert_error(err(ddb, table, Segment=1), "ValidationException",
                 "The TotalSegments parameter is required but was not present in the request when Segment parameter is present",
                 local="If segment is specified, total segment must also be specified")
    assert_error(err(ddb, table, TotalSegments=2), "ValidationException",
                 "The Segment parameter is required but was not present in the request when parameter TotalSegments is present",
                 local="If total segments is specified, a particular segment must also be specified for this request")
    assert_error(err(ddb, table, Segment=2, TotalSegments=2), "ValidationException",
                 "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 2 is not "
                 "less than TotalSegments: 2",
                 local=validation_errors(constraint("2", "segment", "Member must have value less than or equal to 1")))
    resp = raw("Scan", {"TableName": table, "Segment": 0, "TotalSegments": 1000001})
    assert_error(resp, "ValidationException", validation_errors(
        constraint("1000001", "totalSegments", "Member must have value less than or equal to 1000000")))
    assert_error(err(ddb, table, ExclusiveStartKey={"pk": {"S": "zzz"}, "sk": {"N": "1"}}, Segment=0, TotalSegments=4),
                 "ValidationException", "Exclusive start key must lie within the segment")


def test_other_errors(ddb, make_table):
    table = make_table("pk:S", "sk:N")
    assert_error(err(ddb, table, ExclusiveStartKey={"pk": {"S": "a"}}), "ValidationException",
                 "The provided starting key is invalid: The provided key element does not match the schema",
                 local="Exclusive Start Key must have same size as table's key schema")
    assert_error(err(ddb, table, Select="ALL_PROJECTED_ATTRIBUTES"), "ValidationException",
                 "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName")
    assert_error(err(ddb, table, ExpressionAttributeValues={":v": {"S": "a"}}), "ValidationException",
                 "ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null")
    assert_error(err(ddb, table, FilterExpression="a = :v", ScanFilter={"a": {"ComparisonOperator": "NULL"}},
                     ExpressionAttributeValues={":v": {"S": "a"}}), "ValidationException",
                 "Can not use both expression and non-expression parameters in the same request: Non-expression "
                 "parameters: {ScanFilter} Expression parameters: {FilterExpression}")
    assert_error(err(ddb, table, ConditionalOperator="OR"), "ValidationException",
                 "ConditionalOperator cannot be used without Filter or Expected")
    assert_error(err(ddb, table, Select="COUNT", ProjectionExpression="a"), "ValidationException",
                 "Cannot specify the ProjectionExpression when choosing to get only the Count")
