"""Triggers when the function fails: retries and MaximumRetryAttempts, BisectBatchOnFunctionError,
ReportBatchItemFailures, and the on-failure invocation records (a file:// folder, an eddy table).
eddy runs with --trigger-retry-seconds 0.02, so retries follow each other at once."""
import json

import pytest

from conftest import EddyFactory, make_client
from triggers_support import FunctionHost, lambda_client, new_name, poll, put, stream_table

pytestmark = pytest.mark.eddy_only

FAILED = (200, {"X-Amz-Function-Error": "Unhandled"}, {"errorMessage": "boom", "errorType": "Error"})


@pytest.fixture(scope="module")
def host():
    h = FunctionHost()
    yield h
    h.close()


@pytest.fixture(scope="module")
def eddy(tmp_path_factory, host):
    factory = EddyFactory(tmp_path_factory.mktemp("trigger-failures"))
    server = factory(["--lambda-endpoint", host.url, "--trigger-retry-seconds", "0.02", "--stream-shards", "1"])
    yield server
    factory.cleanup()


@pytest.fixture(scope="module")
def ddb(eddy):
    return make_client(eddy.endpoint)


@pytest.fixture(scope="module")
def lam(eddy):
    return lambda_client(eddy.endpoint)


def disabled_mapping(lam, arn, function, **settings):
    m = lam.create_event_source_mapping(FunctionName=function, EventSourceArn=arn, StartingPosition="TRIM_HORIZON",
                                        Enabled=False, **settings)
    poll(lambda: lam.get_event_source_mapping(UUID=m["UUID"])["State"] == "Disabled", "Disabled")
    return m


def test_retries_then_on_failure_record_in_a_folder(eddy, host, ddb, lam, tmp_path):
    table, arn = stream_table(ddb)
    function = new_name()
    folder = tmp_path / "failed"
    host.respond[function] = lambda inv: FAILED if "bad" in inv.keys() else (200, {}, "null")
    m = disabled_mapping(lam, arn, function, MaximumRetryAttempts=2, BatchSize=10,
                         DestinationConfig={"OnFailure": {"Destination": f"file://{folder}"}})
    assert m["DestinationConfig"] == {"OnFailure": {"Destination": f"file://{folder}"}}
    put(ddb, table, "bad")
    put(ddb, table, "bad2")
    lam.update_event_source_mapping(UUID=m["UUID"], Enabled=True)
    host.wait_for(lambda: len(host.of(function)) == 3, "three invocations")
    # Given up on after the first attempt and two retries; the records after it flow again.
    put(ddb, table, "good")
    host.wait_for(lambda: any(i.keys() == ["good"] for i in host.of(function)), "the next batch")
    assert [i.keys() for i in host.of(function)] == [["bad", "bad2"]] * 3 + [["good"]]
    files = poll(lambda: list(folder.glob("*.json")), "an on-failure record")
    assert len(files) == 1
    record = json.loads(files[0].read_text())
    assert set(record) == {"requestContext", "responseContext", "version", "timestamp", "DDBStreamBatchInfo"}
    assert record["version"] == "1.0"
    assert record["requestContext"]["condition"] == "RetryAttemptsExhausted"
    assert record["requestContext"]["approximateInvokeCount"] == 3
    assert record["requestContext"]["functionArn"] == m["FunctionArn"]
    assert record["responseContext"] == {"statusCode": 200, "executedVersion": "$LATEST", "functionError": "Unhandled"}
    info = record["DDBStreamBatchInfo"]
    assert info["batchSize"] == 2 and info["streamArn"] == arn
    first, second = host.of(function)[0].records
    assert info["startSequenceNumber"] == first["dynamodb"]["SequenceNumber"]
    assert info["endSequenceNumber"] == second["dynamodb"]["SequenceNumber"]
    assert set(info) == {"shardId", "startSequenceNumber", "endSequenceNumber", "approximateArrivalOfFirstRecord",
                         "approximateArrivalOfLastRecord", "batchSize", "streamArn"}
    poll(lambda: lam.get_event_source_mapping(UUID=m["UUID"])["LastProcessingResult"] == "OK", "OK after the next batch")


def test_non_2xx_is_a_function_error_and_table_destination(eddy, host, ddb, lam):
    table, arn = stream_table(ddb)
    dlq, _ = stream_table(ddb)
    dlq_arn = ddb.describe_table(TableName=dlq)["Table"]["TableArn"]
    function = new_name()
    host.respond[function] = lambda inv: (500, {}, {"message": "down"})
    m = disabled_mapping(lam, arn, function, MaximumRetryAttempts=0,
                         DestinationConfig={"OnFailure": {"Destination": dlq_arn}})
    put(ddb, table, "x")
    lam.update_event_source_mapping(UUID=m["UUID"], Enabled=True)
    items = poll(lambda: ddb.scan(TableName=dlq)["Items"], "an on-failure item")
    assert len(host.of(function)) == 1
    assert len(items) == 1
    item = items[0]
    assert item["requestContext"]["M"]["condition"] == {"S": "RetryAttemptsExhausted"}
    assert item["responseContext"]["M"]["statusCode"] == {"N": "500"}
    assert item["DDBStreamBatchInfo"]["M"]["batchSize"] == {"N": "1"}


def test_bisect_isolates_the_failing_record(eddy, host, ddb, lam, tmp_path):
    table, arn = stream_table(ddb)
    function = new_name()
    folder = tmp_path / "bisect"
    host.respond[function] = lambda inv: FAILED if "poison" in inv.keys() else (200, {}, "null")
    m = disabled_mapping(lam, arn, function, BisectBatchOnFunctionError=True, MaximumRetryAttempts=0,
                         DestinationConfig={"OnFailure": {"Destination": f"file://{folder}"}})
    for k in ["a", "b", "poison", "c"]:
        put(ddb, table, k)
    lam.update_event_source_mapping(UUID=m["UUID"], Enabled=True)
    host.wait_for(lambda: any(i.keys() == ["c"] for i in host.of(function)), "the bisected batches")
    assert [i.keys() for i in host.of(function)] == [
        ["a", "b", "poison", "c"], ["a", "b"], ["poison", "c"], ["poison"], ["c"]]
    files = poll(lambda: list(folder.glob("*.json")), "the poison record's on-failure record")
    record = json.loads(files[0].read_text())
    assert record["DDBStreamBatchInfo"]["batchSize"] == 1


def test_report_batch_item_failures_retries_from_the_lowest(eddy, host, ddb, lam):
    table, arn = stream_table(ddb)
    function = new_name()
    calls = []

    def answer(inv):
        calls.append(inv.keys())
        if len(calls) == 1:
            ids = [r["dynamodb"]["SequenceNumber"] for r in inv.records]
            # "d" and "b" failed: Lambda retries from "b", the lowest.
            return 200, {}, {"batchItemFailures": [{"itemIdentifier": ids[3]}, {"itemIdentifier": ids[1]}]}
        if len(calls) == 2:
            return 200, {}, {"batchItemFailures": []}
        return 200, {}, {"batchItemFailures": None}

    host.respond[function] = answer
    m = disabled_mapping(lam, arn, function, FunctionResponseTypes=["ReportBatchItemFailures"])
    assert m["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    for k in ["a", "b", "c", "d"]:
        put(ddb, table, k)
    lam.update_event_source_mapping(UUID=m["UUID"], Enabled=True)
    host.wait_for(lambda: len(host.of(function)) >= 2, "the retry")
    put(ddb, table, "e")
    host.wait_for(lambda: len(host.of(function)) >= 3, "the next batch")
    assert [i.keys() for i in host.of(function)] == [["a", "b", "c", "d"], ["b", "c", "d"], ["e"]]


def test_malformed_item_failures_fail_the_whole_batch(eddy, host, ddb, lam):
    table, arn = stream_table(ddb)
    function = new_name()
    answers = [{"batchItemFailures": [{"itemIdentifier": ""}]}, {"batchItemFailures": [{"itemIdentifier": "123"}]}]
    host.respond[function] = lambda inv: (200, {}, answers.pop(0) if answers else "null")
    m = disabled_mapping(lam, arn, function, FunctionResponseTypes=["ReportBatchItemFailures"])
    put(ddb, table, "a")
    put(ddb, table, "b")
    lam.update_event_source_mapping(UUID=m["UUID"], Enabled=True)
    host.wait_for(lambda: len(host.of(function)) >= 3, "two retries of the whole batch")
    assert [i.keys() for i in host.of(function)][:3] == [["a", "b"]] * 3
