"""A GSI backfill skips the items whose index key DynamoDB would refuse in a write: an empty string
or binary, or a partition key over 2,048 bytes (a sort key over 1,024). Such items could be written
before the index existed; DynamoDB leaves them out of the new index rather than indexing them.
"""
from test_indexes import defs, ks, wait_active

S = lambda v: {"S": v}  # noqa: E731


def test_backfill_skips_empty_and_oversized_index_keys(ddb, raw, make_table):
    table = make_table("pk:S")
    ddb.put_item(TableName=table, Item={"pk": S("good"), "g": S("x")})
    ddb.put_item(TableName=table, Item={"pk": S("empty"), "g": S("")})
    ddb.put_item(TableName=table, Item={"pk": S("huge"), "g": S("y" * 2049)})
    ddb.put_item(TableName=table, Item={"pk": S("limit"), "g": S("z" * 2048)})
    resp = raw("UpdateTable", {"TableName": table, "AttributeDefinitions": defs(pk="S", g="S"),
                               "GlobalSecondaryIndexUpdates": [{"Create": {
                                   "IndexName": "by_g", "KeySchema": ks(("g", "HASH"),),
                                   "Projection": {"ProjectionType": "ALL"}}}]})
    assert resp.status == 200, resp
    assert wait_active(ddb, table, "by_g")["ItemCount"] == 2
    indexed = sorted(item["pk"]["S"] for item in ddb.scan(TableName=table, IndexName="by_g")["Items"])
    assert indexed == ["good", "limit"]
