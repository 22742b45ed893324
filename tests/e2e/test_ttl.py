"""Time to live: UpdateTimeToLive / DescribeTimeToLive with DynamoDB's validation (any endpoint),
and the real binary's sweeper, on the interval of --ttl-sweep-interval-seconds, deleting expired
items with REMOVE stream records naming the service (eddy_only). Which items expire, and when, is
driven by a manual clock in the in-process tests (tests/unit/server/ttl_time_test.cc).
"""
import time

import pytest
from botocore.exceptions import ClientError

from conftest import make_client
from e2e_helpers import assert_error, constraint, raw_request, validation_errors
from test_streams_support import create_stream_table, read_all, streams_client


def enable(ddb, name, attribute="expires", enabled=True):
    return ddb.update_time_to_live(TableName=name, TimeToLiveSpecification={"Enabled": enabled,
                                                                           "AttributeName": attribute})


def test_update_and_describe_time_to_live(ddb, make_table):
    name = make_table()
    assert ddb.describe_time_to_live(TableName=name)["TimeToLiveDescription"] == {"TimeToLiveStatus": "DISABLED"}
    resp = enable(ddb, name)
    assert resp["TimeToLiveSpecification"] == {"Enabled": True, "AttributeName": "expires"}
    assert ddb.describe_time_to_live(TableName=name)["TimeToLiveDescription"] == {
        "TimeToLiveStatus": "ENABLED", "AttributeName": "expires"}
    resp = enable(ddb, name, enabled=False)
    assert resp["TimeToLiveSpecification"] == {"Enabled": False, "AttributeName": "expires"}
    assert ddb.describe_time_to_live(TableName=name)["TimeToLiveDescription"] == {"TimeToLiveStatus": "DISABLED"}


def test_time_to_live_errors(ddb, make_table, endpoint):
    name = make_table()
    with pytest.raises(ClientError) as e:
        enable(ddb, name, enabled=False)
    assert_error(e, "ValidationException", "TimeToLive is already disabled")
    enable(ddb, name)
    with pytest.raises(ClientError) as e:
        enable(ddb, name)
    assert_error(e, "ValidationException", "TimeToLive is already enabled")
    for enabled in (True, False):
        with pytest.raises(ClientError) as e:
            enable(ddb, name, attribute="other", enabled=enabled)
        assert_error(e, "ValidationException",
                     "TimeToLive is active on a different AttributeName: current AttributeName is expires",
                     local="TimeToLive is active on a different AttributeName")
    for op in ("DescribeTimeToLive", "UpdateTimeToLive"):
        body = {"TableName": "no_such_table"}
        if op == "UpdateTimeToLive":
            body["TimeToLiveSpecification"] = {"Enabled": True, "AttributeName": "x"}
        resp = raw_request(endpoint, op, body)
        assert_error(resp, "ResourceNotFoundException", "Requested resource not found: Table: no_such_table not found",
                     local="Cannot do operations on a non-existent table")
    resp = raw_request(endpoint, "UpdateTimeToLive", {"TableName": name})
    assert_error(resp, "ValidationException", validation_errors(
        constraint(None, "timeToLiveSpecification", "Member must not be null")),
        local="TimeToLiveSpecification cannot be null")
    resp = raw_request(endpoint, "DescribeTimeToLive", {})
    assert_error(resp, "ValidationException",
                 "The parameter 'TableName' is required but was not present in the request",
                 local=constraint(None, "tableName", "Member must not be null"))


@pytest.mark.eddy_only
def test_sweeper_runs_on_its_interval(eddy_server):
    server = eddy_server(["--ttl-sweep-interval-seconds", "0.2"], in_memory=True)
    ddb, streams = make_client(server.endpoint), streams_client(server.endpoint)
    name, arn = create_stream_table(ddb, "NEW_AND_OLD_IMAGES")
    now = int(time.time())
    for key, expires in (("expired", now - 10), ("future", now + 3600)):
        ddb.put_item(TableName=name, Item={"pk": {"S": key}, "expires": {"N": str(expires)}})
    enable(ddb, name)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if "Item" not in ddb.get_item(TableName=name, Key={"pk": {"S": "expired"}}, ConsistentRead=True):
            break
        time.sleep(0.05)
    left = {key for key in ("expired", "future")
            if "Item" in ddb.get_item(TableName=name, Key={"pk": {"S": key}}, ConsistentRead=True)}
    assert left == {"future"}
    removes = [r for r in read_all(streams, arn) if r["eventName"] == "REMOVE"]
    assert [r["dynamodb"]["Keys"]["pk"]["S"] for r in removes] == ["expired"]
    assert removes[0]["userIdentity"] == {"PrincipalId": "dynamodb.amazonaws.com", "Type": "Service"}
