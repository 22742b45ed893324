"""Triggers, tried as a new user would: a table with a stream, a mapping made with the AWS CLI or
boto3's lambda client, items written, and the function (FunctionHost, standing in for Lambda's
Invoke API) receives Lambda's events: every record as GetRecords shows it plus its eventSourceARN,
in order, in batches. Also webhooks, the mappings file, exec: commands, disable/enable and delete."""
import json
import subprocess
import sys

import pytest

from conftest import EddyFactory, make_client
from test_streams_support import streams_client
from triggers_support import FunctionHost, lambda_client, new_name, poll, put, stream_table

pytestmark = pytest.mark.eddy_only


@pytest.fixture(scope="module")
def host():
    h = FunctionHost()
    yield h
    h.close()


@pytest.fixture(scope="module")
def eddy(tmp_path_factory, host):
    factory = EddyFactory(tmp_path_factory.mktemp("triggers"))
    server = factory(["--lambda-endpoint", host.url, "--trigger-retry-seconds", "0.02", "--stream-shards", "1"])
    yield server
    factory.cleanup()


@pytest.fixture(scope="module")
def ddb(eddy):
    return make_client(eddy.endpoint)


@pytest.fixture(scope="module")
def lam(eddy):
    return lambda_client(eddy.endpoint)


def stream_records(endpoint, arn):
    streams = streams_client(endpoint)
    records = []
    for shard in streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"]:
        it = streams.get_shard_iterator(StreamArn=arn, ShardId=shard["ShardId"],
                                        ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
        page = streams.get_records(ShardIterator=it)
        records += page["Records"]
    return records


def test_cli_mapping_delivers_lambda_events(eddy, host, ddb, aws_cli_env):
    table, arn = stream_table(ddb)
    function = new_name()
    out = subprocess.run(["aws", "lambda", "create-event-source-mapping", "--endpoint-url", eddy.endpoint,
                          "--function-name", function, "--event-source-arn", arn,
                          "--starting-position", "LATEST", "--output", "json"],
                         env=aws_cli_env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    created = json.loads(out.stdout)
    assert created["State"] == "Creating"
    assert created["EventSourceArn"] == arn
    assert created["FunctionArn"] == f"arn:aws:lambda:us-east-1:000000000000:function:{function}"
    lam = lambda_client(eddy.endpoint)
    poll(lambda: lam.get_event_source_mapping(UUID=created["UUID"])["State"] == "Enabled", "Enabled")

    put(ddb, table, "order-1", status="new")
    ddb.update_item(TableName=table, Key={"pk": {"S": "order-1"}}, UpdateExpression="SET #s = :s",
                    ExpressionAttributeNames={"#s": "status"}, ExpressionAttributeValues={":s": {"S": "paid"}})
    ddb.delete_item(TableName=table, Key={"pk": {"S": "order-1"}})
    records = host.wait_records(function, 3)
    assert [r["eventName"] for r in records] == ["INSERT", "MODIFY", "REMOVE"]

    # Each record is the stream's record (as GetRecords returns it, times as epoch seconds) and
    # Lambda's eventSourceARN, nothing else.
    expected = json.loads(json.dumps(stream_records(eddy.endpoint, arn), default=lambda d: d.timestamp()))
    for mine, theirs in zip(records, expected):
        assert set(mine) == {"eventID", "eventName", "eventVersion", "eventSource", "awsRegion", "dynamodb",
                             "eventSourceARN"}
        assert mine["eventSourceARN"] == arn
        assert mine["eventSource"] == "aws:dynamodb" and mine["eventVersion"] == "1.1"
        assert mine["awsRegion"] == "us-east-1"
        assert {k: v for k, v in mine.items() if k != "eventSourceARN"} == {
            **theirs, "dynamodb": {**theirs["dynamodb"],
                                   "ApproximateCreationDateTime": mine["dynamodb"]["ApproximateCreationDateTime"]}}
        assert int(mine["dynamodb"]["ApproximateCreationDateTime"]) == int(theirs["dynamodb"]["ApproximateCreationDateTime"])
    assert records[1]["dynamodb"]["OldImage"] == {"pk": {"S": "order-1"}, "status": {"S": "new"}}
    assert records[1]["dynamodb"]["NewImage"] == {"pk": {"S": "order-1"}, "status": {"S": "paid"}}
    first = host.of(function)[0]
    assert first.path == f"/2015-03-31/functions/{function}/invocations"
    assert first.headers["x-amz-invocation-type"] == "RequestResponse"
    assert list(first.event) == ["Records"]
    assert f"trigger {created['UUID']} invoked {function}" in eddy.output()


def test_batch_size_splits_what_is_waiting_in_order(eddy, host, ddb, lam):
    table, arn = stream_table(ddb)
    function = new_name()
    m = lam.create_event_source_mapping(FunctionName=function, EventSourceArn=arn, StartingPosition="TRIM_HORIZON",
                                        BatchSize=3, Enabled=False)
    assert m["BatchSize"] == 3 and m["State"] == "Creating"
    poll(lambda: lam.get_event_source_mapping(UUID=m["UUID"])["State"] == "Disabled", "Disabled")
    keys = [f"k{i}" for i in range(7)]
    for k in keys:
        put(ddb, table, k)
    lam.update_event_source_mapping(UUID=m["UUID"], Enabled=True)
    host.wait_records(function, 7)
    assert [i.keys() for i in host.of(function)] == [keys[0:3], keys[3:6], keys[6:7]]
    got = lam.get_event_source_mapping(UUID=m["UUID"])
    assert got["LastProcessingResult"] == "OK"


def test_batching_window_gathers_records(eddy, host, ddb, lam):
    table, arn = stream_table(ddb)
    function = new_name()
    m = lam.create_event_source_mapping(FunctionName=function, EventSourceArn=arn, StartingPosition="LATEST",
                                        MaximumBatchingWindowInSeconds=1)
    poll(lambda: lam.get_event_source_mapping(UUID=m["UUID"])["State"] == "Enabled", "Enabled")
    for k in ["a", "b", "c", "d"]:
        put(ddb, table, k)
    host.wait_records(function, 4)
    assert [i.keys() for i in host.of(function)] == [["a", "b", "c", "d"]]


def test_starting_position_latest_skips_older_records(eddy, host, ddb, lam):
    table, arn = stream_table(ddb)
    put(ddb, table, "before")
    latest, horizon = new_name(), new_name()
    for function, position in [(latest, "LATEST"), (horizon, "TRIM_HORIZON")]:
        m = lam.create_event_source_mapping(FunctionName=function, EventSourceArn=arn, StartingPosition=position)
        poll(lambda: lam.get_event_source_mapping(UUID=m["UUID"])["State"] == "Enabled", "Enabled")
    put(ddb, table, "after")
    host.wait_records(latest, 1)
    host.wait_records(horizon, 2)
    assert [k for i in host.of(horizon) for k in i.keys()] == ["before", "after"]
    assert [k for i in host.of(latest) for k in i.keys()] == ["after"]


def test_webhook_function_is_called_directly(eddy, host, ddb, lam):
    table, arn = stream_table(ddb, "KEYS_ONLY")
    hook = f"{host.url}/hooks/{new_name()}"
    m = lam.create_event_source_mapping(FunctionName=hook, EventSourceArn=arn, StartingPosition="LATEST")
    assert m["FunctionArn"] == hook
    poll(lambda: lam.get_event_source_mapping(UUID=m["UUID"])["State"] == "Enabled", "Enabled")
    put(ddb, table, "w1", note="x")
    path = hook[len(host.url):]
    records = host.wait_records(path, 1)
    assert records[0]["dynamodb"]["Keys"] == {"pk": {"S": "w1"}}
    assert "NewImage" not in records[0]["dynamodb"]
    assert records[0]["dynamodb"]["StreamViewType"] == "KEYS_ONLY"


def test_disable_stops_and_enable_resumes_where_it_was(eddy, host, ddb, lam):
    table, arn = stream_table(ddb)
    function = new_name()
    m = lam.create_event_source_mapping(FunctionName=function, EventSourceArn=arn, StartingPosition="LATEST")
    poll(lambda: lam.get_event_source_mapping(UUID=m["UUID"])["State"] == "Enabled", "Enabled")
    put(ddb, table, "one")
    host.wait_records(function, 1)
    off = lam.update_event_source_mapping(UUID=m["UUID"], Enabled=False)
    assert off["State"] in ("Updating", "Disabled")
    poll(lambda: lam.get_event_source_mapping(UUID=m["UUID"])["State"] == "Disabled", "Disabled")
    put(ddb, table, "two")
    put(ddb, table, "three")
    # Nothing arrives while disabled: an enabled twin mapping on the same table gets both first.
    twin = new_name()
    t = lam.create_event_source_mapping(FunctionName=twin, EventSourceArn=arn, StartingPosition="TRIM_HORIZON")
    host.wait_records(twin, 3)
    assert [k for i in host.of(function) for k in i.keys()] == ["one"]
    lam.update_event_source_mapping(UUID=m["UUID"], Enabled=True)
    host.wait_records(function, 3)
    assert [k for i in host.of(function) for k in i.keys()] == ["one", "two", "three"]
    lam.delete_event_source_mapping(UUID=t["UUID"])


def test_delete_stops_delivery(eddy, host, ddb, lam):
    table, arn = stream_table(ddb)
    function = new_name()
    m = lam.create_event_source_mapping(FunctionName=function, EventSourceArn=arn, StartingPosition="LATEST")
    poll(lambda: lam.get_event_source_mapping(UUID=m["UUID"])["State"] == "Enabled", "Enabled")
    put(ddb, table, "kept")
    host.wait_records(function, 1)
    gone = lam.delete_event_source_mapping(UUID=m["UUID"])
    assert gone["State"] == "Deleting" and gone["UUID"] == m["UUID"]
    with pytest.raises(lam.exceptions.ResourceNotFoundException):
        lam.get_event_source_mapping(UUID=m["UUID"])
    put(ddb, table, "after-delete")
    witness = new_name()
    lam.create_event_source_mapping(FunctionName=witness, EventSourceArn=arn, StartingPosition="TRIM_HORIZON")
    host.wait_records(witness, 2)
    assert [k for i in host.of(function) for k in i.keys()] == ["kept"]


def test_parallelization_keeps_each_keys_order(eddy, host, ddb, lam):
    table, arn = stream_table(ddb)
    function = new_name()
    m = lam.create_event_source_mapping(FunctionName=function, EventSourceArn=arn, StartingPosition="TRIM_HORIZON",
                                        ParallelizationFactor=4, BatchSize=2, Enabled=False)
    poll(lambda: lam.get_event_source_mapping(UUID=m["UUID"])["State"] == "Disabled", "Disabled")
    written = []
    for round_ in range(5):
        for key in ["a", "b", "c", "d", "e", "f"]:
            put(ddb, table, key, n=round_)
            written.append((key, round_))
    lam.update_event_source_mapping(UUID=m["UUID"], Enabled=True)
    records = host.wait_records(function, len(written))
    assert len(records) == len(written)
    by_key = {}
    for r in records:
        by_key.setdefault(r["dynamodb"]["Keys"]["pk"]["S"], []).append(int(r["dynamodb"]["NewImage"]["n"]["N"]))
    assert by_key == {k: [0, 1, 2, 3, 4] for k in "abcdef"}
    # Batches hold records of one lane: a key never appears in two batches being delivered at once,
    # and more than one lane was used.
    lanes = {frozenset(i.keys()) for i in host.of(function)}
    assert len(lanes) > 1


def test_mappings_file_webhook_and_exec(eddy_server, tmp_path, host):
    table = new_name("t")
    hook_path = f"/file-hooks/{new_name()}"
    out_file = tmp_path / "exec-events.jsonl"
    script = tmp_path / "handler.py"
    script.write_text("import json, sys\n"
                      "event = json.load(sys.stdin)\n"
                      f"open({str(out_file)!r}, 'a').write(json.dumps(event) + '\\n')\n"
                      "print('null')\n")
    mappings = tmp_path / "mappings.json"
    mappings.write_text(json.dumps([
        {"TableName": table, "FunctionName": host.url + hook_path, "StartingPosition": "TRIM_HORIZON"},
        {"TableName": table, "FunctionName": f"exec:{sys.executable} {script}", "StartingPosition": "TRIM_HORIZON",
         "BatchSize": 1},
    ]))
    data = tmp_path / "data"
    server = eddy_server(["--event-source-mappings", str(mappings)], data_dir=data)
    ddb = make_client(server.endpoint)
    lam = lambda_client(server.endpoint)
    listed = lam.list_event_source_mappings()["EventSourceMappings"]
    assert len(listed) == 2
    # The table does not exist yet: the mappings wait for it and follow its stream once it has one.
    stream_table(ddb, name=table)
    put(ddb, table, "f1")
    put(ddb, table, "f2")
    host.wait_records(hook_path, 2)
    poll(lambda: out_file.exists() and len(out_file.read_text().splitlines()) == 2, "the exec handler's 2 events")
    events = [json.loads(line) for line in out_file.read_text().splitlines()]
    # Different keys may sit on different shards, which are delivered in parallel (as Lambda does): only the
    # order per key is promised.
    assert sorted(e["Records"][0]["dynamodb"]["Keys"]["pk"]["S"] for e in events) == ["f1", "f2"]
    assert server.stop() == 0

    # Restarted with the same file: the same two mappings (same UUIDs), and nothing delivered again.
    again = eddy_server(["--event-source-mappings", str(mappings)], data_dir=data)
    relisted = lambda_client(again.endpoint).list_event_source_mappings()["EventSourceMappings"]
    assert sorted(m["UUID"] for m in relisted) == sorted(m["UUID"] for m in listed)
    put(make_client(again.endpoint), table, "f3")
    host.wait_records(hook_path, 3)
    delivered = [r["dynamodb"]["Keys"]["pk"]["S"] for r in host.records_of(hook_path)]
    assert sorted(delivered) == ["f1", "f2", "f3"]
    assert delivered[-1] == "f3"


def test_exec_is_refused_from_the_api(eddy, ddb, lam):
    table, arn = stream_table(ddb)
    with pytest.raises(lam.exceptions.InvalidParameterValueException) as e:
        lam.create_event_source_mapping(FunctionName="exec:cat", EventSourceArn=arn, StartingPosition="LATEST")
    assert "--event-source-mappings" in e.value.response["Error"]["Message"]
