"""Local and global secondary indexes: definitions and their errors, DescribeTable, Query and Scan on
indexes, projections, sparse indexes, consistency after item changes, UpdateTable Create (with
backfill), Update and Delete, and multi-attribute GSI keys."""
import time

import pytest
from botocore.exceptions import ClientError

from e2e_helpers import assert_error, target

ALL = {"ProjectionType": "ALL"}


def ks(*elements):
    return [{"AttributeName": n, "KeyType": t} for n, t in elements]


def defs(**types):
    return [{"AttributeName": n, "AttributeType": t} for n, t in types.items()]


def load(ddb, table, items):
    for start in range(0, len(items), 25):
        ddb.batch_write_item(RequestItems={table: [{"PutRequest": {"Item": it}} for it in items[start:start + 25]]})


@pytest.fixture
def indexed(make_table):
    return make_table("pk:S", "sk:N", AttributeDefinitions=defs(pk="S", sk="N", l="N", g="S"),
                      LocalSecondaryIndexes=[{"IndexName": "by_l", "KeySchema": ks(("pk", "HASH"), ("l", "RANGE")),
                                              "Projection": {"ProjectionType": "KEYS_ONLY"}}],
                      GlobalSecondaryIndexes=[{"IndexName": "by_g", "KeySchema": ks(("g", "HASH"), ("sk", "RANGE")),
                                               "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["x"]}}])


def item(sk, g=None, l=None, **extra):
    it = {"pk": {"S": "a"}, "sk": {"N": str(sk)}, "x": {"S": f"x{sk}"}, "y": {"S": f"y{sk}"}}
    if g is not None:
        it["g"] = {"S": g}
    if l is not None:
        it["l"] = {"N": str(l)}
    it.update(extra)
    return it


def gsi_query(ddb, table, g, **kw):
    return ddb.query(TableName=table, IndexName="by_g", KeyConditionExpression="g = :g",
                     ExpressionAttributeValues={":g": {"S": g}}, **kw)


def test_describe_table_lists_indexes(ddb, indexed):
    ddb.put_item(TableName=indexed, Item=item(1, g="G", l=5))
    table = ddb.describe_table(TableName=indexed)["Table"]
    lsi, = table["LocalSecondaryIndexes"]
    assert lsi["IndexName"] == "by_l" and lsi["KeySchema"] == ks(("pk", "HASH"), ("l", "RANGE"))
    assert lsi["Projection"] == {"ProjectionType": "KEYS_ONLY"}
    assert lsi["IndexArn"] == table["TableArn"] + "/index/by_l"
    assert lsi["ItemCount"] == 1 and lsi["IndexSizeBytes"] > 0
    gsi, = table["GlobalSecondaryIndexes"]
    assert gsi["IndexStatus"] == "ACTIVE" and gsi["ItemCount"] == 1
    assert gsi["Projection"] == {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["x"]}
    assert gsi["IndexArn"] == table["TableArn"] + "/index/by_g"


def test_gsi_query_is_sparse_and_projected(ddb, indexed):
    load(ddb, indexed, [item(i, g="G" if i % 2 else None, l=100 - i) for i in range(10)])
    resp = gsi_query(ddb, indexed, "G")
    assert [int(it["sk"]["N"]) for it in resp["Items"]] == [1, 3, 5, 7, 9]
    assert set(resp["Items"][0]) == {"pk", "sk", "g", "x"}
    resp = gsi_query(ddb, indexed, "G", Limit=2, ScanIndexForward=False)
    assert resp["LastEvaluatedKey"] == {"pk": {"S": "a"}, "sk": {"N": "7"}, "g": {"S": "G"}}
    resp = gsi_query(ddb, indexed, "G", ExclusiveStartKey=resp["LastEvaluatedKey"], ScanIndexForward=False)
    assert [int(it["sk"]["N"]) for it in resp["Items"]] == [5, 3, 1]
    scan = ddb.scan(TableName=indexed, IndexName="by_g")
    assert scan["Count"] == 5


def test_lsi_query_order_and_fetch_of_non_projected_attributes(ddb, indexed):
    load(ddb, indexed, [item(i, l=100 - i) for i in range(5)] + [item(9)])
    resp = ddb.query(TableName=indexed, IndexName="by_l", KeyConditionExpression="pk = :p AND l > :l",
                     ExpressionAttributeValues={":p": {"S": "a"}, ":l": {"N": "97"}})
    assert resp["Items"] == [{"pk": {"S": "a"}, "sk": {"N": "2"}, "l": {"N": "98"}},
                             {"pk": {"S": "a"}, "sk": {"N": "1"}, "l": {"N": "99"}},
                             {"pk": {"S": "a"}, "sk": {"N": "0"}, "l": {"N": "100"}}]
    resp = ddb.query(TableName=indexed, IndexName="by_l", KeyConditionExpression="pk = :p",
                     ExpressionAttributeValues={":p": {"S": "a"}}, ProjectionExpression="y",
                     ReturnConsumedCapacity="INDEXES", Limit=2)
    assert resp["Items"] == [{"y": {"S": "y4"}}, {"y": {"S": "y3"}}]
    capacity = resp["ConsumedCapacity"]
    assert capacity["Table"]["CapacityUnits"] == 1.0
    assert capacity["LocalSecondaryIndexes"] == {"by_l": {"CapacityUnits": 0.5}}
    resp = ddb.query(TableName=indexed, IndexName="by_l", KeyConditionExpression="pk = :p",
                     ExpressionAttributeValues={":p": {"S": "a"}}, Select="ALL_ATTRIBUTES")
    assert resp["Count"] == 5 and set(resp["Items"][0]) == {"pk", "sk", "l", "x", "y"}


def test_index_consistency_after_changes(ddb, indexed):
    ddb.put_item(TableName=indexed, Item=item(1, g="G1", l=1))
    assert gsi_query(ddb, indexed, "G1")["Count"] == 1
    ddb.put_item(TableName=indexed, Item=item(1, g="G2", l=2))
    assert gsi_query(ddb, indexed, "G1")["Count"] == 0
    assert gsi_query(ddb, indexed, "G2")["Items"] == [{"pk": {"S": "a"}, "sk": {"N": "1"}, "g": {"S": "G2"}, "x": {"S": "x1"}}]
    lsi = ddb.query(TableName=indexed, IndexName="by_l", KeyConditionExpression="pk = :p",
                    ExpressionAttributeValues={":p": {"S": "a"}})
    assert [it["l"]["N"] for it in lsi["Items"]] == ["2"]
    ddb.put_item(TableName=indexed, Item=item(1))
    assert gsi_query(ddb, indexed, "G2")["Count"] == 0
    assert ddb.scan(TableName=indexed, IndexName="by_l")["Count"] == 0
    ddb.put_item(TableName=indexed, Item=item(1, g="G3"))
    ddb.delete_item(TableName=indexed, Key={"pk": {"S": "a"}, "sk": {"N": "1"}})
    assert gsi_query(ddb, indexed, "G3")["Count"] == 0
    table = ddb.describe_table(TableName=indexed)["Table"]
    assert table["GlobalSecondaryIndexes"][0]["ItemCount"] == 0


def test_wrong_type_for_index_key_is_refused(ddb, indexed):
    with pytest.raises(ClientError) as e:
        ddb.put_item(TableName=indexed, Item={**item(1), "g": {"N": "1"}})
    assert_error(e, "ValidationException",
                 "One or more parameter values were invalid: Type mismatch for Index Key g Expected: S Actual: N "
                 "IndexName: by_g", local="One or more parameter values were invalid: Type mismatch for Index Key")


def err(call, **kw):
    with pytest.raises(ClientError) as e:
        call(**kw)
    return e


def test_index_read_errors(ddb, indexed):
    q = lambda **kw: err(ddb.query, TableName=indexed, IndexName="by_g", KeyConditionExpression="g = :g",
                         ExpressionAttributeValues={":g": {"S": "G"}, **kw.pop("values", {})}, **kw)
    assert_error(q(ConsistentRead=True), "ValidationException",
                 "Consistent reads are not supported on global secondary indexes")
    assert_error(q(Select="ALL_ATTRIBUTES"), "ValidationException",
                 "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global "
                 "secondary index by_g because its projection type is not ALL")
    assert_error(q(ProjectionExpression="y"), "ValidationException",
                 "One or more parameter values were invalid: Global secondary index by_g does not project [y]")
    assert_error(q(FilterExpression="y = :y", values={":y": {"S": "y"}}), "ValidationException",
                 "One or more parameter values were invalid: Secondary index by_g does not project one or more filter "
                 "attributes: [y]")
    assert_error(q(FilterExpression="sk = :y", values={":y": {"N": "1"}}), "ValidationException",
                 "Filter Expression can only contain non-primary key attributes: Primary key attribute: sk")
    assert_error(q(ExclusiveStartKey={"pk": {"S": "a"}, "sk": {"N": "1"}}), "ValidationException",
                 "The provided starting key is invalid")
    assert_error(err(ddb.scan, TableName=indexed, IndexName="by_g", ConsistentRead=True), "ValidationException",
                 "Consistent reads are not supported on global secondary indexes")


def create_error(raw, **body):
    base = {"TableName": "idx_err_table", "BillingMode": "PAY_PER_REQUEST",
            "KeySchema": ks(("pk", "HASH"), ("sk", "RANGE")), "AttributeDefinitions": defs(pk="S", sk="N", l="N", g="S")}
    base.update(body)
    resp = raw("CreateTable", base)
    if resp.status == 200:
        raw("DeleteTable", {"TableName": "idx_err_table"})
    return resp


LSI = {"IndexName": "lsi1", "KeySchema": ks(("pk", "HASH"), ("l", "RANGE")), "Projection": ALL}
GSI = {"IndexName": "gsi1", "KeySchema": ks(("g", "HASH"),), "Projection": ALL}
INVALID = "One or more parameter values were invalid: "


def test_create_table_index_errors(raw):
    v = "ValidationException"
    assert_error(create_error(raw, KeySchema=ks(("pk", "HASH")), AttributeDefinitions=defs(pk="S", l="N"),
                              LocalSecondaryIndexes=[LSI]), v,
                 INVALID + "Table KeySchema does not have a range key, which is required when specifying a "
                 "LocalSecondaryIndex",
                 local="Local Secondary indices are not allowed on hash tables, only hash and range tables")
    assert_error(create_error(raw, LocalSecondaryIndexes=[{**LSI, "KeySchema": ks(("g", "HASH"), ("l", "RANGE"))}],
                              GlobalSecondaryIndexes=[GSI]), v,
                 INVALID + "Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                 "lsi1. index hash key: g, table hash key: pk",
                 local="Local Secondary indices must have the same hash key as the main table")
    assert_error(create_error(raw, LocalSecondaryIndexes=[LSI, LSI], GlobalSecondaryIndexes=[GSI]), v,
                 INVALID + "Duplicate index name: lsi1", local="Two local secondary indices have the same name")
    assert_error(create_error(raw, LocalSecondaryIndexes=[{**LSI, "IndexName": f"lsi{i}"} for i in range(6)],
                              GlobalSecondaryIndexes=[GSI]), v,
                 INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5",
                 local="Cannot have more than 5 local secondary indexes per table")
    assert_error(create_error(raw, LocalSecondaryIndexes=[LSI], GlobalSecondaryIndexes=[{**GSI, "IndexName": "lsi1"}]), v,
                 INVALID + "Duplicate index name: lsi1",
                 local="Local Secondary Indices AND Global Secondary Indices must have different names")
    assert_error(create_error(raw, LocalSecondaryIndexes=[{**LSI, "Projection": {"ProjectionType": "KEYS_ONLY",
                                                                               "NonKeyAttributes": ["a"]}}],
                              GlobalSecondaryIndexes=[GSI]), v,
                 INVALID + "ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified",
                 local="No attributes should be specified to be projected unless projection type is INCLUDE")
    if not target.is_dynamodb_local:  # DynamoDB Local accepts and ignores the index's throughput
        assert_error(create_error(raw, LocalSecondaryIndexes=[LSI], GlobalSecondaryIndexes=[
            {**GSI, "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}]), v,
            INVALID + "ProvisionedThroughput should not be specified for index: gsi1 when BillingMode is PAY_PER_REQUEST")
    assert_error(create_error(raw, LocalSecondaryIndexes=[LSI], GlobalSecondaryIndexes=[
        {**GSI, "IndexName": f"gsi{i}"} for i in range(21)]), v,
        INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20",
        local="GlobalSecondaryIndex count exceeds the per-table limit")


def wait_active(ddb, table, index):
    for _ in range(200):
        indexes = ddb.describe_table(TableName=table)["Table"].get("GlobalSecondaryIndexes", [])
        found = [i for i in indexes if i["IndexName"] == index]
        if found and found[0]["IndexStatus"] == "ACTIVE":
            return found[0]
        time.sleep(0.1)
    raise AssertionError(f"index {index} did not become ACTIVE")


def test_update_table_creates_gsi_with_backfill_and_deletes_it(ddb, raw, make_table):
    table = make_table("pk:S", "sk:N")
    load(ddb, table, [{"pk": {"S": f"p{i % 7}"}, "sk": {"N": str(i)}, "c": {"S": f"c{i % 3}"}} for i in range(300)])
    resp = raw("UpdateTable", {"TableName": table, "AttributeDefinitions": defs(c="S", sk="N"),
                               "GlobalSecondaryIndexUpdates": [{"Create": {
                                   "IndexName": "by_c", "KeySchema": ks(("c", "HASH"), ("sk", "RANGE")),
                                   "Projection": {"ProjectionType": "KEYS_ONLY"}}}]})
    assert resp.status == 200, resp
    created = [i for i in resp.json["TableDescription"]["GlobalSecondaryIndexes"] if i["IndexName"] == "by_c"][0]
    assert created["IndexStatus"] == "CREATING"
    if not target.is_dynamodb_local:
        assert created["Backfilling"] is True
    described = wait_active(ddb, table, "by_c")
    assert described["ItemCount"] == 300
    resp = ddb.query(TableName=table, IndexName="by_c", KeyConditionExpression="c = :c AND sk < :s",
                     ExpressionAttributeValues={":c": {"S": "c1"}, ":s": {"N": "10"}})
    assert [int(it["sk"]["N"]) for it in resp["Items"]] == [1, 4, 7]
    ddb.put_item(TableName=table, Item={"pk": {"S": "new"}, "sk": {"N": "1000"}, "c": {"S": "c1"}})
    assert ddb.query(TableName=table, IndexName="by_c", KeyConditionExpression="c = :c",
                     ExpressionAttributeValues={":c": {"S": "c1"}}, Select="COUNT")["Count"] == 101
    resp = raw("UpdateTable", {"TableName": table, "GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": "by_c"}}]})
    assert resp.status == 200, resp
    for _ in range(200):
        if not ddb.describe_table(TableName=table)["Table"].get("GlobalSecondaryIndexes"):
            break
        time.sleep(0.1)
    assert_error(err(ddb.query, TableName=table, IndexName="by_c", KeyConditionExpression="c = :c",
                     ExpressionAttributeValues={":c": {"S": "c1"}}), "ValidationException",
                 "The table does not have the specified index: by_c")


def test_update_table_index_errors(raw, indexed):
    def update(*updates, **extra):
        return raw("UpdateTable", {"TableName": indexed, "GlobalSecondaryIndexUpdates": list(updates), **extra})
    create = {"Create": {"IndexName": "by_g", "KeySchema": ks(("g", "HASH"),), "Projection": ALL}}
    assert_error(update(create, AttributeDefinitions=defs(g="S")), "ValidationException",
                 "Attempting to create an index which already exists")
    assert_error(update({"Delete": {"IndexName": "nope"}}), "ResourceNotFoundException", "Requested resource not found")
    assert_error(update({"Delete": {"IndexName": "by_g"}}, {"Delete": {"IndexName": "by_g"}}), "ValidationException",
                 "Only one global secondary index update per index is allowed simultaneously.")
    two = [{"Create": {"IndexName": n, "KeySchema": ks(("y", "HASH"),), "Projection": ALL}} for n in ("one", "two")]
    assert_error(update(*two, AttributeDefinitions=defs(y="S")), "LimitExceededException",
                 "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table")


def test_multi_attribute_gsi_keys(ddb, raw, make_table):
    table = make_table("pk:S", AttributeDefinitions=defs(pk="S", t="S", r="S", y="N", m="N"),
                       GlobalSecondaryIndexes=[{"IndexName": "multi", "KeySchema": ks(
                           ("t", "HASH"), ("r", "HASH"), ("y", "RANGE"), ("m", "RANGE")), "Projection": ALL}])
    load(ddb, table, [{"pk": {"S": f"k{i}"}, "t": {"S": "T"}, "r": {"S": "eu" if i % 2 else "us"},
                       "y": {"N": str(2020 + i % 3)}, "m": {"N": str(i)}} for i in range(30)])
    load(ddb, table, [{"pk": {"S": "sparse"}, "t": {"S": "T"}, "r": {"S": "eu"}, "y": {"N": "2021"}}])
    resp = ddb.query(TableName=table, IndexName="multi",
                     KeyConditionExpression="t = :t AND r = :r AND y = :y AND m > :m",
                     ExpressionAttributeValues={":t": {"S": "T"}, ":r": {"S": "eu"}, ":y": {"N": "2021"}, ":m": {"N": "10"}})
    assert [int(it["m"]["N"]) for it in resp["Items"]] == [13, 19, 25]
    resp = ddb.query(TableName=table, IndexName="multi", KeyConditionExpression="t = :t AND r = :r",
                     ExpressionAttributeValues={":t": {"S": "T"}, ":r": {"S": "us"}}, ScanIndexForward=False)
    assert [(it["y"]["N"], it["m"]["N"]) for it in resp["Items"]][:3] == [("2022", "26"), ("2022", "20"), ("2022", "14")]
    assert resp["Count"] == 15
