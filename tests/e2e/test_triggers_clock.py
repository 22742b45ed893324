"""Triggers on eddy's admin clock and at Lambda's limits: a TTL deletion reaches the function as
Lambda delivers it (a REMOVE with the service's userIdentity) as soon as the virtual clock passes the
item's expiry; a batching window closes when the virtual clock passes it; and records that together
exceed Lambda's 6 MB payload are split over several invocations, in order."""
import pytest

from admin_support import admin, ok
from conftest import EddyFactory, make_client
from triggers_support import FunctionHost, lambda_client, new_name, poll, stream_table

pytestmark = pytest.mark.eddy_only

SIX_MB = 6 * 1024 * 1024


@pytest.fixture(scope="module")
def host():
    h = FunctionHost()
    yield h
    h.close()


@pytest.fixture(scope="module")
def eddy(tmp_path_factory, host):
    factory = EddyFactory(tmp_path_factory.mktemp("triggers-clock"))
    yield factory(["--clock", "virtual", "--lambda-endpoint", host.url, "--stream-shards", "1"], in_memory=True)
    factory.cleanup()


def mapping(lam, function, arn, **settings):
    m = lam.create_event_source_mapping(FunctionName=function, EventSourceArn=arn, StartingPosition="TRIM_HORIZON",
                                        **settings)
    poll(lambda: lam.get_event_source_mapping(UUID=m["UUID"])["State"] == "Enabled", "Enabled")
    return m["UUID"]


def test_ttl_deletion_is_delivered_with_the_service_identity(eddy, host):
    ddb, lam = make_client(eddy.endpoint), lambda_client(eddy.endpoint)
    table, arn = stream_table(ddb)
    ddb.update_time_to_live(TableName=table, TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"})
    now = ok(eddy.endpoint, "GET", "clock")["epoch_seconds"]
    ddb.put_item(TableName=table, Item={"pk": {"S": "session"}, "expires": {"N": str(int(now) + 3600)}})
    function = new_name()
    uuid = mapping(lam, function, arn)
    ok(eddy.endpoint, "GET", f"triggers/{uuid}/wait")
    assert [r["eventName"] for r in host.records_of(function)] == ["INSERT"]

    ok(eddy.endpoint, "POST", "clock", {"advance_seconds": 3601})
    ok(eddy.endpoint, "GET", f"triggers/{uuid}/wait")
    records = host.records_of(function)
    assert [r["eventName"] for r in records] == ["INSERT", "REMOVE"]
    remove = records[1]
    assert remove["userIdentity"] == {"principalId": "dynamodb.amazonaws.com", "type": "Service"}
    assert remove["dynamodb"]["Keys"] == {"pk": {"S": "session"}}
    assert remove["dynamodb"]["OldImage"]["expires"] == {"N": str(int(now) + 3600)}
    assert remove["eventSource"] == "aws:dynamodb" and remove["eventSourceARN"] == arn
    lam.delete_event_source_mapping(UUID=uuid)


def test_batching_window_closes_on_the_virtual_clock(eddy, host):
    ddb, lam = make_client(eddy.endpoint), lambda_client(eddy.endpoint)
    table, arn = stream_table(ddb)
    function = new_name()
    uuid = mapping(lam, function, arn, BatchSize=100, MaximumBatchingWindowInSeconds=300)
    for key in ("w1", "w2", "w3"):
        ddb.put_item(TableName=table, Item={"pk": {"S": key}})
    # Real time passes, the virtual clock does not: the window stays open, so the mapping is not
    # caught up after half a second of waiting for it.
    answer = admin(eddy.endpoint, "GET", f"triggers/{uuid}/wait?timeout_ms=500")
    assert answer.status == 408, answer
    assert host.of(function) == []
    ok(eddy.endpoint, "POST", "clock", {"advance_seconds": 301})
    ok(eddy.endpoint, "GET", f"triggers/{uuid}/wait")
    assert [i.keys() for i in host.of(function)] == [["w1", "w2", "w3"]]
    lam.delete_event_source_mapping(UUID=uuid)


def test_records_over_six_megabytes_are_split_in_order(eddy, host):
    ddb, lam = make_client(eddy.endpoint), lambda_client(eddy.endpoint)
    table, arn = stream_table(ddb, "NEW_IMAGE")
    blob = "x" * (390 * 1024)
    keys = [f"big{i:02d}" for i in range(20)]  # about 7.8 MB of new images
    for key in keys:
        ddb.put_item(TableName=table, Item={"pk": {"S": key}, "blob": {"S": blob}})
    function = new_name()
    uuid = mapping(lam, function, arn, BatchSize=100)
    ok(eddy.endpoint, "GET", f"triggers/{uuid}/wait?timeout_ms=60000")
    invocations = host.of(function)
    assert len(invocations) >= 2
    assert all(len(i.raw.encode()) <= SIX_MB for i in invocations)
    assert [k for i in invocations for k in i.keys()] == keys
    lam.delete_event_source_mapping(UUID=uuid)
