"""Item collection sizes of tables with local secondary indexes: eddy keeps, per partition key, the
size of the base items plus their LSI entries (the projected attributes, as the API reference defines
SizeEstimateRangeGB), in the same atomic write as the item, so it survives a restart. A write that
would take a collection past the limit (10 GB; lowered here with --item-collection-limit-bytes) fails
with ItemCollectionSizeLimitExceededException and writes nothing; a delete, or a write that shrinks
the collection, always succeeds. Item sizes are DynamoDB's: attribute name bytes plus value bytes.
"""
import pytest

from e2e_helpers import raw_request
from test_streams_support import read_all, streams_client

LIMIT = 1000
S = lambda v: {"S": v}  # noqa: E731
TOO_LARGE = {"__type": "com.amazonaws.dynamodb.v20120810#ItemCollectionSizeLimitExceededException",
             "message": "Collection size exceeded."}


def item(pk, sk, filler, lsi=True):
    """An item of 3 + 3 + (2 if lsi) + 1 + filler bytes; its KEYS_ONLY LSI entry (pk, sk, l) adds 8."""
    out = {"pk": S(pk), "sk": S(sk), "d": S("y" * filler)}
    if lsi:
        out["l"] = S("x")
    return out


class Server:
    def __init__(self, eddy_server, data_dir=None):
        self.process = eddy_server(["--item-collection-limit-bytes", str(LIMIT)], data_dir=data_dir)
        self.endpoint = self.process.endpoint

    def __call__(self, target, body):
        return raw_request(self.endpoint, target, body)


@pytest.fixture
def server(eddy_server):
    return Server(eddy_server)


def create_table(server, name="coll"):
    resp = server("CreateTable", {
        "TableName": name, "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [{"AttributeName": n, "AttributeType": "S"} for n in ("pk", "sk", "l")],
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        "StreamSpecification": {"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"},
        "LocalSecondaryIndexes": [{"IndexName": "by_l", "Projection": {"ProjectionType": "KEYS_ONLY"},
                                   "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                                 {"AttributeName": "l", "KeyType": "RANGE"}]}]})
    assert resp.status == 200, resp
    return name, resp.json["TableDescription"]["LatestStreamArn"]


def put(server, table, value):
    return server("PutItem", {"TableName": table, "Item": value, "ReturnItemCollectionMetrics": "SIZE"})


def keys_in(server, table):
    return sorted((i["pk"]["S"], i["sk"]["S"]) for i in server("Scan", {"TableName": table}).json["Items"])


def assert_too_large(resp):
    assert resp.status == 400, resp
    assert resp.json == TOO_LARGE, resp


def test_the_limit_counts_items_and_lsi_entries_exactly(server):
    table, arn = create_table(server)
    assert put(server, table, item("a", "1", 500)).status == 200          # 509 + 8 = 517
    assert_too_large(put(server, table, item("a", "2", 477, lsi=False)))  # 517 + 484 = 1001
    assert put(server, table, item("a", "2", 476, lsi=False)).status == 200  # exactly 1000
    assert_too_large(put(server, table, item("a", "3", 0, lsi=False)))
    # Another partition key is another collection.
    assert put(server, table, item("b", "1", 900)).status == 200
    assert keys_in(server, table) == [("a", "1"), ("a", "2"), ("b", "1")]
    # Only the accepted writes have records; partition keys a and b may sit on different shards.
    records = read_all(streams_client(server.endpoint), arn)
    assert sorted((r["dynamodb"]["Keys"]["pk"]["S"], r["eventName"], r["dynamodb"]["Keys"]["sk"]["S"])
                  for r in records) == [("a", "INSERT", "1"), ("a", "INSERT", "2"), ("b", "INSERT", "1")]


def test_deletes_and_shrinking_writes_succeed_at_the_limit(server):
    table, _ = create_table(server)
    assert put(server, table, item("a", "1", 500)).status == 200
    assert put(server, table, item("a", "2", 476, lsi=False)).status == 200
    # Growing an item by one byte is refused; replacing it with a smaller one is not.
    assert_too_large(server("UpdateItem", {"TableName": table, "Key": {"pk": S("a"), "sk": S("2")},
                                           "UpdateExpression": "SET e = :v", "ExpressionAttributeValues": {":v": S("")}}))
    assert put(server, table, item("a", "2", 400, lsi=False)).status == 200
    resp = server("DeleteItem", {"TableName": table, "Key": {"pk": S("a"), "sk": S("1")},
                                 "ReturnItemCollectionMetrics": "SIZE"})
    assert resp.status == 200, resp
    assert resp.json == {"ItemCollectionMetrics": {"ItemCollectionKey": {"pk": S("a")},
                                                   "SizeEstimateRangeGB": [0.0, 1.0]}}
    # The freed bytes can be written again: 407 + 593 (585 + its 8-byte LSI entry) = 1000.
    assert put(server, table, item("a", "1", 576)).status == 200
    assert_too_large(put(server, table, item("a", "3", 0, lsi=False)))


def test_the_sizes_survive_a_restart(eddy_server):
    first = Server(eddy_server)
    table, _ = create_table(first)
    assert put(first, table, item("a", "1", 500)).status == 200
    assert put(first, table, item("a", "2", 476, lsi=False)).status == 200
    data_dir = first.process.data_dir
    assert first.process.stop() == 0
    second = Server(eddy_server, data_dir=data_dir)
    assert_too_large(put(second, table, item("a", "3", 0, lsi=False)))
    assert second("DeleteItem", {"TableName": table, "Key": {"pk": S("a"), "sk": S("2")}}).status == 200
    assert put(second, table, item("a", "2", 476, lsi=False)).status == 200


def test_batch_write_item_past_the_limit_writes_nothing(server):
    table, arn = create_table(server)
    assert put(server, table, item("a", "1", 500)).status == 200
    resp = server("BatchWriteItem", {"RequestItems": {table: [
        {"PutRequest": {"Item": item("b", "1", 10)}},
        {"PutRequest": {"Item": item("a", "2", 300, lsi=False)}},
        {"PutRequest": {"Item": item("a", "3", 300, lsi=False)}}]}})
    assert_too_large(resp)
    assert keys_in(server, table) == [("a", "1")]
    assert len(read_all(streams_client(server.endpoint), arn)) == 1
    resp = server("BatchWriteItem", {"RequestItems": {table: [
        {"PutRequest": {"Item": item("b", "1", 10)}},
        {"PutRequest": {"Item": item("a", "2", 300, lsi=False)}}]}, "ReturnItemCollectionMetrics": "SIZE"})
    assert resp.status == 200, resp
    band = [0.0, 1.0]
    assert resp.json == {"UnprocessedItems": {}, "ItemCollectionMetrics": {table: [
        {"ItemCollectionKey": {"pk": S("b")}, "SizeEstimateRangeGB": band},
        {"ItemCollectionKey": {"pk": S("a")}, "SizeEstimateRangeGB": band}]}}


def test_transact_write_items_past_the_limit_is_cancelled(server):
    table, arn = create_table(server)
    assert put(server, table, item("a", "1", 500)).status == 200
    # Each put fits alone; together they pass the limit, and the second one is the reason.
    resp = server("TransactWriteItems", {"TransactItems": [
        {"Put": {"TableName": table, "Item": item("a", "2", 300, lsi=False)}},
        {"Put": {"TableName": table, "Item": item("a", "3", 300, lsi=False)}},
        {"Delete": {"TableName": table, "Key": {"pk": S("c"), "sk": S("1")}}}]})
    assert resp.status == 400, resp
    assert resp.json == {
        "__type": "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
        "message": "Transaction cancelled, please refer cancellation reasons for specific reasons "
                   "[None, ItemCollectionSizeLimitExceeded, None]",
        "CancellationReasons": [{"Code": "None"},
                                {"Code": "ItemCollectionSizeLimitExceeded", "Message": "Collection size exceeded."},
                                {"Code": "None"}]}
    assert keys_in(server, table) == [("a", "1")]
    assert len(read_all(streams_client(server.endpoint), arn)) == 1
    # A delete of the collection's item with a put that fits in the freed bytes commits.
    resp = server("TransactWriteItems", {"TransactItems": [
        {"Delete": {"TableName": table, "Key": {"pk": S("a"), "sk": S("1")}}},
        {"Put": {"TableName": table, "Item": item("a", "2", 900, lsi=False)}}],
        "ReturnItemCollectionMetrics": "SIZE"})
    assert resp.status == 200, resp
    assert resp.json == {"ItemCollectionMetrics": {table: [
        {"ItemCollectionKey": {"pk": S("a")}, "SizeEstimateRangeGB": [0.0, 1.0]}]}}
    assert keys_in(server, table) == [("a", "2")]


def test_a_table_without_lsi_has_no_collection_limit(server):
    resp = server("CreateTable", {"TableName": "plain", "BillingMode": "PAY_PER_REQUEST",
                                  "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                                           {"AttributeName": "sk", "AttributeType": "S"}],
                                  "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                                {"AttributeName": "sk", "KeyType": "RANGE"}]})
    assert resp.status == 200, resp
    for sk in ("1", "2", "3"):
        assert put(server, "plain", item("a", sk, 900, lsi=False)).json == {}


def test_a_recreated_table_starts_with_empty_collections(server):
    table, _ = create_table(server)
    assert put(server, table, item("a", "1", 900)).status == 200
    assert server("DeleteTable", {"TableName": table}).status == 200
    create_table(server)
    assert put(server, table, item("a", "1", 900)).status == 200
