"""Snapshots, reset and truncate (docs/test-controls.md): what they capture and put back, their
errors, their persistence across a restart, and requests running while they run."""
import threading
import time

import pytest
from botocore.exceptions import ClientError

from admin_support import admin, assert_admin_error, ok
from conftest import make_client
from test_streams_support import read_all, streams_client

pytestmark = pytest.mark.eddy_only


def create_orders(ddb, name="Orders"):
    desc = ddb.create_table(
        TableName=name, BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                              {"AttributeName": "status", "AttributeType": "S"}],
        GlobalSecondaryIndexes=[{"IndexName": "by_status", "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}],
                                 "Projection": {"ProjectionType": "ALL"}}],
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"},
        Tags=[{"Key": "team", "Value": "billing"}])["TableDescription"]
    ddb.update_time_to_live(TableName=name, TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"})
    return desc


def put_orders(ddb, keys, status="open", name="Orders"):
    for key in keys:
        ddb.put_item(TableName=name, Item={"pk": {"S": key}, "status": {"S": status}})


def keys_of(ddb, name="Orders"):
    return sorted(i["pk"]["S"] for i in ddb.scan(TableName=name, ConsistentRead=True)["Items"])


def test_snapshot_captures_and_restores_everything(eddy_server):
    server = eddy_server(["--clock", "virtual"], in_memory=True)
    ddb, streams = make_client(server.endpoint), streams_client(server.endpoint)
    desc = create_orders(ddb)
    put_orders(ddb, ["a", "b"])
    made = ok(server.endpoint, "POST", "snapshots", {"name": "seeded"})
    assert (made["name"], made["tables"], made["items"]) == ("seeded", 1, 2)
    assert made["milliseconds"] >= 0

    put_orders(ddb, ["c"], status="done")
    ddb.delete_item(TableName="Orders", Key={"pk": {"S": "a"}})
    ddb.update_time_to_live(TableName="Orders", TimeToLiveSpecification={"Enabled": False, "AttributeName": "expires"})
    ddb.untag_resource(ResourceArn=desc["TableArn"], TagKeys=["team"])
    ddb.create_table(TableName="Other", BillingMode="PAY_PER_REQUEST",
                     KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                     AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}])

    restored = ok(server.endpoint, "POST", "snapshots/seeded/restore")
    assert restored["milliseconds"] >= 0
    assert ddb.list_tables()["TableNames"] == ["Orders"]
    assert keys_of(ddb) == ["a", "b"]
    by_status = ddb.query(TableName="Orders", IndexName="by_status", KeyConditionExpression="#s = :s",
                          ExpressionAttributeNames={"#s": "status"}, ExpressionAttributeValues={":s": {"S": "open"}})
    assert sorted(i["pk"]["S"] for i in by_status["Items"]) == ["a", "b"]
    assert ddb.describe_time_to_live(TableName="Orders")["TimeToLiveDescription"] == {
        "TimeToLiveStatus": "ENABLED", "AttributeName": "expires"}
    assert ddb.list_tags_of_resource(ResourceArn=desc["TableArn"])["Tags"] == [{"Key": "team", "Value": "billing"}]
    # The stream as it was: the two inserts, and it goes on from there.
    assert sorted(r["dynamodb"]["Keys"]["pk"]["S"] for r in read_all(streams, desc["LatestStreamArn"])) == ["a", "b"]
    put_orders(ddb, ["d"])
    assert sorted(r["dynamodb"]["Keys"]["pk"]["S"] for r in read_all(streams, desc["LatestStreamArn"])) == \
        ["a", "b", "d"]

    listed = ok(server.endpoint, "GET", "snapshots")["snapshots"]
    assert [(s["name"], s["tables"], s["items"]) for s in listed] == [("seeded", 1, 2)]
    assert ok(server.endpoint, "DELETE", "snapshots/seeded") == {}
    assert ok(server.endpoint, "GET", "snapshots") == {"snapshots": []}


def test_snapshot_errors(eddy_server):
    server = eddy_server(in_memory=True)
    ok(server.endpoint, "POST", "snapshots", {"name": "one"})
    assert_admin_error(admin(server.endpoint, "POST", "snapshots", {"name": "one"}), 400, "ResourceInUseException",
                       "Snapshot already exists: one")
    assert ok(server.endpoint, "POST", "snapshots", {"name": "one", "replace": True})["name"] == "one"
    assert_admin_error(admin(server.endpoint, "POST", "snapshots", {}), 400, "ValidationException",
                       "name (a string) is required")
    assert_admin_error(admin(server.endpoint, "POST", "snapshots", {"name": "../x"}), 400, "ValidationException",
                       "Invalid snapshot name ../x: 1 to 128 of A-Z, a-z, 0-9, '_', '-' and '.', not starting with '.'")
    assert_admin_error(admin(server.endpoint, "POST", "snapshots/nope/restore"), 400, "ResourceNotFoundException",
                       "Snapshot not found: nope")
    assert_admin_error(admin(server.endpoint, "DELETE", "snapshots/nope"), 400, "ResourceNotFoundException",
                       "Snapshot not found: nope")


def test_reset_empties_everything_but_keeps_snapshots(eddy_server):
    server = eddy_server(in_memory=True)
    ddb = make_client(server.endpoint)
    create_orders(ddb)
    put_orders(ddb, ["a"])
    ok(server.endpoint, "POST", "snapshots", {"name": "kept"})
    assert ok(server.endpoint, "POST", "reset")["milliseconds"] >= 0
    assert ddb.list_tables()["TableNames"] == []
    assert streams_client(server.endpoint).list_streams()["Streams"] == []
    with pytest.raises(ClientError) as caught:
        ddb.get_item(TableName="Orders", Key={"pk": {"S": "a"}})
    assert caught.value.response["Error"]["Code"] == "ResourceNotFoundException"
    # The same names can be used again at once.
    create_orders(ddb)
    assert keys_of(ddb) == []
    assert [s["name"] for s in ok(server.endpoint, "GET", "snapshots")["snapshots"]] == ["kept"]


def test_truncate_empties_one_table_and_keeps_its_definition(eddy_server):
    server = eddy_server(in_memory=True)
    ddb, streams = make_client(server.endpoint), streams_client(server.endpoint)
    desc = create_orders(ddb)
    create_orders(ddb, "Kept")
    put_orders(ddb, ["a", "b"])
    put_orders(ddb, ["k"], name="Kept")
    ok(server.endpoint, "POST", "tables/Orders/truncate")
    assert keys_of(ddb) == []
    assert keys_of(ddb, "Kept") == ["k"]
    after = ddb.describe_table(TableName="Orders")["Table"]
    assert after["ItemCount"] == 0
    assert after["GlobalSecondaryIndexes"][0]["IndexName"] == "by_status"
    assert after["LatestStreamArn"] == desc["LatestStreamArn"]
    assert ddb.query(TableName="Orders", IndexName="by_status", KeyConditionExpression="#s = :s",
                     ExpressionAttributeNames={"#s": "status"},
                     ExpressionAttributeValues={":s": {"S": "open"}})["Items"] == []
    assert read_all(streams, desc["LatestStreamArn"]) == []
    put_orders(ddb, ["c"])
    assert keys_of(ddb) == ["c"]
    assert_admin_error(admin(server.endpoint, "POST", "tables/Nope/truncate"), 400, "ResourceNotFoundException",
                       "Requested resource not found: Table: Nope not found")


def test_snapshots_and_restore_persist_across_a_restart(eddy_server, tmp_path):
    data = tmp_path / "snapdata"
    server = eddy_server(data_dir=data)
    ddb = make_client(server.endpoint)
    create_orders(ddb)
    put_orders(ddb, ["a", "b", "c"])
    ok(server.endpoint, "POST", "snapshots", {"name": "three"})
    ddb.delete_item(TableName="Orders", Key={"pk": {"S": "a"}})
    assert server.stop() == 0

    server = eddy_server(data_dir=data)
    ddb = make_client(server.endpoint)
    assert keys_of(ddb) == ["b", "c"]
    assert [s["name"] for s in ok(server.endpoint, "GET", "snapshots")["snapshots"]] == ["three"]
    ok(server.endpoint, "POST", "snapshots/three/restore")
    put_orders(ddb, ["d"])
    assert server.stop() == 0

    server = eddy_server(data_dir=data)
    assert keys_of(make_client(server.endpoint)) == ["a", "b", "c", "d"]


def run_during(server, action, rounds):
    """Runs `action` `rounds` times while two clients write and scan; returns what they saw."""
    stop = threading.Event()
    seen = {"scans": [], "errors": [], "writes": 0}

    def writer():
        ddb = make_client(server.endpoint)
        n = 0
        while not stop.is_set():
            n += 1
            try:
                ddb.put_item(TableName="Orders", Item={"pk": {"S": f"w{n}"}, "status": {"S": "new"}})
                seen["writes"] += 1
            except ClientError as e:
                if e.response["Error"]["Code"] != "ResourceNotFoundException":
                    seen["errors"].append(e.response)

    def reader():
        ddb = make_client(server.endpoint)
        while not stop.is_set():
            try:
                items = ddb.scan(TableName="Orders", ConsistentRead=True)["Items"]
                seen["scans"].append({i["pk"]["S"] for i in items})
            except ClientError as e:
                if e.response["Error"]["Code"] != "ResourceNotFoundException":
                    seen["errors"].append(e.response)

    threads = [threading.Thread(target=writer), threading.Thread(target=reader)]
    for t in threads:
        t.start()
    try:
        for _ in range(rounds):
            ok(server.endpoint, *action)
            time.sleep(0.01)
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=30)
    return seen


def test_requests_during_restores_see_all_of_the_snapshot_or_none(eddy_server):
    server = eddy_server(in_memory=True)
    ddb = make_client(server.endpoint)
    create_orders(ddb)
    seeded = {f"s{i}" for i in range(50)}
    put_orders(ddb, sorted(seeded))
    ok(server.endpoint, "POST", "snapshots", {"name": "seeded"})
    seen = run_during(server, ("POST", "snapshots/seeded/restore"), 20)
    assert seen["errors"] == []
    assert seen["writes"] > 0 and len(seen["scans"]) > 0
    # Every scan saw the whole snapshot (plus writes made since the latest restore), never part of it.
    for keys in seen["scans"]:
        assert seeded <= keys
        assert all(k in seeded or k.startswith("w") for k in keys)
    assert seeded <= set(keys_of(ddb))


def test_requests_during_resets_get_answers_never_server_errors(eddy_server):
    server = eddy_server(in_memory=True)
    ddb = make_client(server.endpoint)
    create_orders(ddb)
    seen = run_during(server, ("POST", "reset"), 20)
    assert seen["errors"] == []
    assert ddb.list_tables()["TableNames"] == []


# A pytest fixture that restores a snapshot before each test, as a test suite would use it.
@pytest.fixture(scope="module")
def seeded_server(tmp_path_factory):
    from conftest import EddyFactory, mode_a
    if mode_a():
        pytest.skip("starts its own eddy")
    factory = EddyFactory(tmp_path_factory.mktemp("seeded"))
    server = factory(in_memory=True)
    ddb = make_client(server.endpoint)
    create_orders(ddb)
    put_orders(ddb, ["alice", "bob"])
    ok(server.endpoint, "POST", "snapshots", {"name": "seeded"})
    yield server
    factory.cleanup()


@pytest.fixture
def orders(seeded_server):
    ok(seeded_server.endpoint, "POST", "snapshots/seeded/restore")
    return make_client(seeded_server.endpoint)


@pytest.mark.parametrize("run", range(3))
def test_each_test_starts_from_the_seeded_snapshot(orders, run):
    assert keys_of(orders) == ["alice", "bob"]
    put_orders(orders, [f"extra{run}"])
    orders.delete_item(TableName="Orders", Key={"pk": {"S": "alice"}})
    assert keys_of(orders) == ["bob", f"extra{run}"]
