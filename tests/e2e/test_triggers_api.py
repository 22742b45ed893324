"""Lambda's REST API for event source mappings on eddy's port: the shapes boto3's lambda client
reads, states, ListEventSourceMappings' filters and paging, and Lambda's errors (status,
x-amzn-ErrorType, message)."""
import json
import urllib.request

import pytest

from conftest import EddyFactory, make_client
from triggers_support import FunctionHost, lambda_client, new_name, poll, stream_table

pytestmark = pytest.mark.eddy_only

MAPPINGS = "/2015-03-31/event-source-mappings/"
AUTH = ("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/lambda/aws4_request, "
        "SignedHeaders=host;x-amz-date, Signature=0000")


@pytest.fixture(scope="module")
def host():
    h = FunctionHost()
    yield h
    h.close()


@pytest.fixture(scope="module")
def eddy(tmp_path_factory, host):
    factory = EddyFactory(tmp_path_factory.mktemp("trigger-api"))
    server = factory(["--lambda-endpoint", host.url])
    yield server
    factory.cleanup()


@pytest.fixture(scope="module")
def ddb(eddy):
    return make_client(eddy.endpoint)


@pytest.fixture(scope="module")
def lam(eddy):
    return lambda_client(eddy.endpoint)


def rest(eddy, method, path, body=None):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(eddy.endpoint + path, data=data, method=method,
                                     headers={"Authorization": AUTH, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as resp:
            return resp.status, dict(resp.headers), json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), json.loads(e.read() or b"null")


def test_create_answers_202_with_lambdas_shape(eddy, ddb):
    _, arn = stream_table(ddb)
    function = new_name()
    status, headers, body = rest(eddy, "POST", MAPPINGS, {"FunctionName": function, "EventSourceArn": arn,
                                                           "StartingPosition": "TRIM_HORIZON"})
    assert status == 202, body
    assert headers["Content-Type"] == "application/json"
    assert body["State"] == "Creating" and body["StateTransitionReason"] == "User action"
    assert body["LastProcessingResult"] == "No records processed"
    assert body["BatchSize"] == 100 and body["MaximumBatchingWindowInSeconds"] == 0
    assert body["ParallelizationFactor"] == 1 and body["MaximumRetryAttempts"] == -1
    assert body["MaximumRecordAgeInSeconds"] == -1 and body["BisectBatchOnFunctionError"] is False
    assert body["TumblingWindowInSeconds"] == 0 and body["FunctionResponseTypes"] == []
    assert body["DestinationConfig"] == {"OnFailure": {}}
    assert body["StartingPosition"] == "TRIM_HORIZON"
    assert isinstance(body["LastModified"], float)
    assert len(body["UUID"]) == 36


def test_get_list_update_delete(eddy, ddb, lam):
    _, arn = stream_table(ddb)
    _, other_arn = stream_table(ddb)
    a, b, c = new_name(), new_name(), new_name()
    ma = lam.create_event_source_mapping(FunctionName=a, EventSourceArn=arn, StartingPosition="LATEST")
    mb = lam.create_event_source_mapping(FunctionName=b, EventSourceArn=arn, StartingPosition="LATEST")
    mc = lam.create_event_source_mapping(FunctionName=c, EventSourceArn=other_arn, StartingPosition="LATEST")
    poll(lambda: lam.get_event_source_mapping(UUID=ma["UUID"])["State"] == "Enabled", "Enabled")
    by_arn = lam.list_event_source_mappings(EventSourceArn=arn)["EventSourceMappings"]
    assert [m["UUID"] for m in by_arn] == [ma["UUID"], mb["UUID"]]
    by_function = lam.list_event_source_mappings(FunctionName=c)["EventSourceMappings"]
    assert [m["UUID"] for m in by_function] == [mc["UUID"]]
    arn_form = f"arn:aws:lambda:us-east-1:000000000000:function:{c}"
    assert [m["UUID"] for m in lam.list_event_source_mappings(FunctionName=arn_form)["EventSourceMappings"]] == \
        [mc["UUID"]]
    page = lam.list_event_source_mappings(EventSourceArn=arn, MaxItems=1)
    assert [m["UUID"] for m in page["EventSourceMappings"]] == [ma["UUID"]]
    rest_page = lam.list_event_source_mappings(EventSourceArn=arn, MaxItems=1, Marker=page["NextMarker"])
    assert [m["UUID"] for m in rest_page["EventSourceMappings"]] == [mb["UUID"]]
    assert "NextMarker" not in rest_page

    changed = lam.update_event_source_mapping(UUID=ma["UUID"], BatchSize=10, MaximumBatchingWindowInSeconds=2,
                                              MaximumRetryAttempts=3, BisectBatchOnFunctionError=True)
    assert changed["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert changed["BatchSize"] == 10 and changed["MaximumBatchingWindowInSeconds"] == 2
    assert changed["MaximumRetryAttempts"] == 3 and changed["BisectBatchOnFunctionError"] is True
    got = lam.get_event_source_mapping(UUID=ma["UUID"])
    assert got["BatchSize"] == 10 and got["LastModified"] >= ma["LastModified"]

    deleted = lam.delete_event_source_mapping(UUID=mb["UUID"])
    assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 202 and deleted["State"] == "Deleting"
    assert [m["UUID"] for m in lam.list_event_source_mappings(EventSourceArn=arn)["EventSourceMappings"]] == \
        [ma["UUID"]]


def test_unknown_uuid_is_resource_not_found(eddy):
    for method in ["GET", "PUT", "DELETE"]:
        status, headers, body = rest(eddy, method, MAPPINGS + "00000000-0000-0000-0000-000000000000",
                                     {} if method == "PUT" else None)
        assert status == 404
        assert headers["x-amzn-ErrorType"] == "ResourceNotFoundException"
        assert body == {"Type": "User", "Message": "The resource you requested does not exist."}


def test_same_function_and_stream_twice_is_a_conflict(eddy, ddb, lam):
    _, arn = stream_table(ddb)
    function = new_name()
    first = lam.create_event_source_mapping(FunctionName=function, EventSourceArn=arn, StartingPosition="LATEST")
    with pytest.raises(lam.exceptions.ResourceConflictException) as e:
        lam.create_event_source_mapping(FunctionName=function, EventSourceArn=arn, StartingPosition="LATEST")
    assert e.value.response["ResponseMetadata"]["HTTPStatusCode"] == 409
    assert first["UUID"] in e.value.response["Error"]["Message"]


def test_event_source_must_be_a_stream_of_eddy(eddy, ddb):
    name, arn = stream_table(ddb)
    table_arn = ddb.describe_table(TableName=name)["Table"]["TableArn"]
    for source in [table_arn, arn[:-5] + "xxxxx", "arn:aws:sqs:us-east-1:000000000000:queue"]:
        status, headers, body = rest(eddy, "POST", MAPPINGS, {"FunctionName": "f", "EventSourceArn": source,
                                                               "StartingPosition": "LATEST"})
        assert status == 400, source
        assert headers["x-amzn-ErrorType"] == "InvalidParameterValueException"
        assert body["Type"] == "User" and body["message"]


@pytest.mark.parametrize("member,value,constraint", [
    ("BatchSize", 0, "Member must have value greater than or equal to 1"),
    ("BatchSize", 10001, "Member must have value less than or equal to 10000"),
    ("MaximumBatchingWindowInSeconds", 301, "Member must have value less than or equal to 300"),
    ("ParallelizationFactor", 11, "Member must have value less than or equal to 10"),
    ("TumblingWindowInSeconds", 901, "Member must have value less than or equal to 900"),
])
def test_out_of_range_members(eddy, ddb, member, value, constraint):
    _, arn = stream_table(ddb)
    status, headers, body = rest(eddy, "POST", MAPPINGS, {"FunctionName": new_name(), "EventSourceArn": arn,
                                                           "StartingPosition": "LATEST", member: value})
    assert status == 400, body
    assert headers["x-amzn-ErrorType"] in ("ValidationException", "InvalidParameterValueException")
    text = body.get("message") or body.get("Message")
    assert constraint in text


def test_missing_starting_position_and_unparseable_body(eddy, ddb):
    _, arn = stream_table(ddb)
    status, headers, body = rest(eddy, "POST", MAPPINGS, {"FunctionName": new_name(), "EventSourceArn": arn})
    assert status == 400 and headers["x-amzn-ErrorType"] == "InvalidParameterValueException"
    status, headers, body = rest(eddy, "POST", MAPPINGS, b"{not json")
    assert status == 400 and headers["x-amzn-ErrorType"] == "InvalidRequestContentException"


def test_function_name_without_lambda_endpoint_is_not_found(eddy_server):
    server = eddy_server()
    ddb, lam = make_client(server.endpoint), lambda_client(server.endpoint)
    _, arn = stream_table(ddb)
    with pytest.raises(lam.exceptions.ResourceNotFoundException):
        lam.create_event_source_mapping(FunctionName="orders", EventSourceArn=arn, StartingPosition="LATEST")
    # A webhook needs no endpoint.
    m = lam.create_event_source_mapping(FunctionName="http://127.0.0.1:9/hook", EventSourceArn=arn,
                                        StartingPosition="LATEST")
    assert m["FunctionArn"] == "http://127.0.0.1:9/hook"


def test_mappings_survive_a_restart(eddy_server, host, tmp_path):
    data = tmp_path / "data"
    server = eddy_server(["--lambda-endpoint", host.url], data_dir=data)
    ddb, lam = make_client(server.endpoint), lambda_client(server.endpoint)
    _, arn = stream_table(ddb)
    m = lam.create_event_source_mapping(FunctionName=new_name(), EventSourceArn=arn, StartingPosition="LATEST",
                                        BatchSize=7, Enabled=False)
    assert server.stop() == 0
    again = eddy_server(["--lambda-endpoint", host.url], data_dir=data)
    got = lambda_client(again.endpoint).get_event_source_mapping(UUID=m["UUID"])
    assert got["BatchSize"] == 7 and got["State"] == "Disabled" and got["EventSourceArn"] == arn
