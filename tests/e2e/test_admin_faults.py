"""Fault injection (docs/test-controls.md): rules, their matching, DynamoDB's exact errors, and the
SDKs' retry logic treating them as the real ones."""
import http.client
import time

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from admin_support import admin, assert_admin_error, ok
from conftest import make_client
from e2e_helpers import raw_request

pytestmark = pytest.mark.eddy_only

DDB = "com.amazonaws.dynamodb.v20120810#"
EXPECTED = {
    "ProvisionedThroughputExceededException": (
        400, DDB + "ProvisionedThroughputExceededException",
        "The level of configured provisioned throughput for the table was exceeded. Consider increasing your "
        "provisioning level with the UpdateTable API."),
    "ThrottlingException": (400, "com.amazon.coral.availability#ThrottlingException",
                            "Rate of requests exceeds the allowed throughput."),
    "RequestLimitExceeded": (
        400, DDB + "RequestLimitExceeded",
        "Throughput exceeds the current throughput limit for your account. Please contact AWS Support at "
        "https://aws.amazon.com/support request a limit increase"),
    "InternalServerError": (500, DDB + "InternalServerError",
                            "The server encountered an internal error trying to fulfill the request."),
    "ServiceUnavailable": (503, DDB + "ServiceUnavailable", "The service is currently unavailable or busy."),
    "TransactionConflictException": (
        400, DDB + "TransactionConflictException",
        "Operation was rejected because there is an ongoing transaction for the item."),
    "ItemCollectionSizeLimitExceededException": (400, DDB + "ItemCollectionSizeLimitExceededException",
                                                 "Collection size exceeded."),
}


@pytest.fixture
def server(eddy_server):
    server = eddy_server(["--clock", "virtual"], in_memory=True)
    ddb = make_client(server.endpoint)
    for name in ("Orders", "Other"):
        ddb.create_table(TableName=name, BillingMode="PAY_PER_REQUEST",
                         KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                         AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}])
    return server


def put(endpoint, key, table="Orders"):
    return raw_request(endpoint, "PutItem", {"TableName": table, "Item": {"pk": {"S": key}}})


def stored(server, key, table="Orders"):
    return "Item" in make_client(server.endpoint).get_item(TableName=table, Key={"pk": {"S": key}},
                                                          ConsistentRead=True)


@pytest.mark.parametrize("error", sorted(EXPECTED))
def test_each_injected_error_is_dynamodbs(server, error):
    rule = ok(server.endpoint, "POST", "faults", {"operations": ["PutItem"], "error": error, "count": 1})
    assert rule == {"id": rule["id"], "operations": ["PutItem"], "error": error, "count": 1, "applied": 0}
    resp = put(server.endpoint, "x")
    status, type_name, message = EXPECTED[error]
    assert (resp.status, resp.json["__type"], resp.json["message"]) == (status, type_name, message)
    assert resp.headers["x-amzn-requestid"]
    assert not stored(server, "x")  # never run
    assert put(server.endpoint, "x").status == 200  # the count is used up
    assert ok(server.endpoint, "GET", "faults") == {"faults": []}


def test_a_conflict_cancels_a_transaction_as_dynamodb_does(server):
    ok(server.endpoint, "POST", "faults", {"operations": ["TransactWriteItems"], "error": "TransactionConflictException"})
    resp = raw_request(server.endpoint, "TransactWriteItems", {"TransactItems": [
        {"Put": {"TableName": "Orders", "Item": {"pk": {"S": "t1"}}}},
        {"Put": {"TableName": "Other", "Item": {"pk": {"S": "t2"}}}}]})
    assert resp.status == 400
    assert resp.json["__type"] == DDB + "TransactionCanceledException"
    assert resp.json["message"] == ("Transaction cancelled, please refer cancellation reasons for specific reasons "
                                    "[TransactionConflict, None]")
    assert [r["Code"] for r in resp.json["CancellationReasons"]] == ["TransactionConflict", "None"]
    assert not stored(server, "t1") and not stored(server, "t2", "Other")


def test_rules_match_operations_and_tables(server):
    ok(server.endpoint, "POST", "faults", {"operations": ["PutItem", "DeleteItem"], "tables": ["Orders"],
                                           "error": "ThrottlingException"})
    assert put(server.endpoint, "a").status == 400
    assert put(server.endpoint, "a", table="Other").status == 200
    assert raw_request(server.endpoint, "GetItem", {"TableName": "Orders", "Key": {"pk": {"S": "a"}}}).status == 200
    # A batch naming the table is refused whole: nothing of it is written.
    ok(server.endpoint, "DELETE", "faults")
    ok(server.endpoint, "POST", "faults", {"tables": ["Orders"], "error": "InternalServerError"})
    resp = raw_request(server.endpoint, "BatchWriteItem", {"RequestItems": {
        "Other": [{"PutRequest": {"Item": {"pk": {"S": "b1"}}}}],
        "Orders": [{"PutRequest": {"Item": {"pk": {"S": "b2"}}}}]}})
    assert resp.status == 500
    ok(server.endpoint, "DELETE", "faults")
    assert not stored(server, "b1", "Other") and not stored(server, "b2")


def test_boto3_survives_three_injected_throttles(server):
    ok(server.endpoint, "POST", "faults", {"operations": ["PutItem"], "tables": ["Orders"],
                                           "error": "ProvisionedThroughputExceededException", "count": 3})
    ddb = boto3.client("dynamodb", endpoint_url=server.endpoint, region_name="us-east-1",
                       aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret",
                       config=Config(retries={"mode": "standard", "total_max_attempts": 4}))
    answer = ddb.put_item(TableName="Orders", Item={"pk": {"S": "retried"}})
    assert answer["ResponseMetadata"]["RetryAttempts"] == 3
    assert stored(server, "retried")
    listed = ok(server.endpoint, "GET", "faults")
    assert listed == {"faults": []}  # all three used


def test_boto3_gives_up_when_the_throttles_outlast_its_attempts(server):
    ok(server.endpoint, "POST", "faults", {"operations": ["GetItem"], "error": "ThrottlingException", "count": 5})
    ddb = boto3.client("dynamodb", endpoint_url=server.endpoint, region_name="us-east-1",
                       aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret",
                       config=Config(retries={"mode": "standard", "total_max_attempts": 2}))
    with pytest.raises(ClientError) as caught:
        ddb.get_item(TableName="Orders", Key={"pk": {"S": "a"}})
    assert caught.value.response["Error"]["Code"] == "ThrottlingException"
    assert caught.value.response["ResponseMetadata"]["RetryAttempts"] == 1
    assert ok(server.endpoint, "GET", "faults")["faults"][0]["applied"] == 2


def test_latency_delays_the_answer(server):
    ok(server.endpoint, "POST", "faults", {"operations": ["GetItem"], "latency_ms": 300, "count": 1})
    started = time.monotonic()
    resp = raw_request(server.endpoint, "GetItem", {"TableName": "Orders", "Key": {"pk": {"S": "a"}}})
    assert resp.status == 200 and resp.json == {}
    assert time.monotonic() - started >= 0.3


def test_drop_connection_resets_it_and_writes_nothing(server):
    ok(server.endpoint, "POST", "faults", {"operations": ["PutItem"], "drop_connection": True, "count": 1})
    with pytest.raises((ConnectionResetError, http.client.RemoteDisconnected, BrokenPipeError)):
        put(server.endpoint, "dropped")
    assert not stored(server, "dropped")
    assert put(server.endpoint, "dropped").status == 200


def pattern(server, seed):
    ok(server.endpoint, "DELETE", "faults")
    ok(server.endpoint, "POST", "faults", {"operations": ["GetItem"], "error": "ThrottlingException",
                                           "probability": 0.5, "seed": seed})
    return [raw_request(server.endpoint, "GetItem", {"TableName": "Orders", "Key": {"pk": {"S": "a"}}}).status
            for _ in range(30)]


def test_probability_with_a_seed_repeats(server):
    first = pattern(server, 42)
    assert 400 in first and 200 in first
    assert pattern(server, 42) == first
    assert pattern(server, 7) != first


def test_duration_follows_the_servers_clock(server):
    rule = ok(server.endpoint, "POST", "faults", {"error": "ServiceUnavailable", "duration_seconds": 60})
    assert "expires_at" in rule
    assert put(server.endpoint, "a").status == 503
    ok(server.endpoint, "POST", "clock", {"advance_seconds": 61})
    assert put(server.endpoint, "a").status == 200
    assert ok(server.endpoint, "GET", "faults") == {"faults": []}


def test_listing_and_deleting_rules(server):
    one = ok(server.endpoint, "POST", "faults", {"error": "ThrottlingException", "operations": ["*"]})
    two = ok(server.endpoint, "POST", "faults", {"latency_ms": 5, "tables": ["Orders"]})
    assert one["operations"] == ["*"] and two["tables"] == ["Orders"]
    assert [r["id"] for r in ok(server.endpoint, "GET", "faults")["faults"]] == [one["id"], two["id"]]
    assert ok(server.endpoint, "DELETE", f"faults/{one['id']}") == {}
    assert [r["id"] for r in ok(server.endpoint, "GET", "faults")["faults"]] == [two["id"]]
    assert_admin_error(admin(server.endpoint, "DELETE", f"faults/{one['id']}"), 400, "ResourceNotFoundException",
                       f"Fault rule not found: {one['id']}")
    ok(server.endpoint, "DELETE", "faults")
    assert ok(server.endpoint, "GET", "faults") == {"faults": []}


@pytest.mark.parametrize("body,message", [
    ({}, "Give exactly one of error, latency_ms and drop_connection"),
    ({"error": "ThrottlingException", "latency_ms": 5}, "Give exactly one of error, latency_ms and drop_connection"),
    ({"error": "Boom"}, "error must be one of ProvisionedThroughputExceededException, ThrottlingException, "
                        "RequestLimitExceeded, InternalServerError, ServiceUnavailable, TransactionConflictException, "
                        "ItemCollectionSizeLimitExceededException"),
    ({"error": "ThrottlingException", "operations": ["PutThing"]}, "Unknown operation in operations: PutThing"),
    ({"error": "ThrottlingException", "operations": "PutItem"}, "operations must be a list of names"),
    ({"error": "ThrottlingException", "count": 0}, "count must be a whole number above 0"),
    ({"error": "ThrottlingException", "probability": 2}, "probability must be a number above 0 and at most 1"),
    ({"error": "ThrottlingException", "seed": 3}, "seed goes with probability"),
    ({"drop_connection": False}, "drop_connection must be true"),
    ({"latency_ms": -1}, "latency_ms must be a whole number of milliseconds from 0 to 600000"),
    ({"error": "ThrottlingException", "duration_seconds": 0}, "duration_seconds must be a number of seconds above 0"),
])
def test_rule_errors(server, body, message):
    assert_admin_error(admin(server.endpoint, "POST", "faults", body), 400, "ValidationException", message)
