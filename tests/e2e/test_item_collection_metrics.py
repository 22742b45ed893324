"""ItemCollectionMetrics on single-item writes (PutItem, UpdateItem, DeleteItem) of a table with a
local secondary index, when ReturnItemCollectionMetrics is SIZE: the item's partition key and the
collection's size estimate, as the API reference describes ("ItemCollectionMetrics ... is only
returned if the ReturnItemCollectionMetrics parameter was specified"). Tables without an LSI have no
item collections and answer none.
"""
import pytest

S = lambda v: {"S": v}  # noqa: E731
METRICS = {"ItemCollectionKey": {"pk": S("a")}, "SizeEstimateRangeGB": [0.0, 1.0]}


@pytest.fixture
def lsi_table(make_table):
    return make_table("pk:S", "sk:S", AttributeDefinitions=[
        {"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"},
        {"AttributeName": "l", "AttributeType": "S"}],
        LocalSecondaryIndexes=[{"IndexName": "by_l", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                                                   {"AttributeName": "l", "KeyType": "RANGE"}],
                                "Projection": {"ProjectionType": "KEYS_ONLY"}}])


def test_single_item_writes_report_the_collection(raw, lsi_table):
    key = {"pk": S("a"), "sk": S("1")}
    resp = raw("PutItem", {"TableName": lsi_table, "Item": dict(key, l=S("x")), "ReturnItemCollectionMetrics": "SIZE"})
    assert resp.json == {"ItemCollectionMetrics": METRICS}, resp
    resp = raw("UpdateItem", {"TableName": lsi_table, "Key": key, "UpdateExpression": "SET l = :v",
                              "ExpressionAttributeValues": {":v": S("y")}, "ReturnItemCollectionMetrics": "SIZE"})
    assert resp.json == {"ItemCollectionMetrics": METRICS}, resp
    resp = raw("DeleteItem", {"TableName": lsi_table, "Key": key, "ReturnItemCollectionMetrics": "SIZE"})
    assert resp.json == {"ItemCollectionMetrics": METRICS}, resp


def test_not_asked_or_no_lsi_reports_nothing(raw, lsi_table, make_table):
    resp = raw("PutItem", {"TableName": lsi_table, "Item": {"pk": S("a"), "sk": S("1")}})
    assert resp.json == {}
    resp = raw("PutItem", {"TableName": lsi_table, "Item": {"pk": S("a"), "sk": S("1")},
                           "ReturnItemCollectionMetrics": "NONE"})
    assert resp.json == {}
    plain = make_table("pk:S")
    resp = raw("PutItem", {"TableName": plain, "Item": {"pk": S("a")}, "ReturnItemCollectionMetrics": "SIZE"})
    assert resp.json == {}
