"""Namespaces (docs/namespaces.md): with --namespace access-key-region, or DynamoDB Local's command
line without -sharedDb, each access key and region has tables of its own, as DynamoDB Local keeps
them; -sharedDb and eddy's own default share one set. Each test starts its own eddy (eddy_only)."""
import json
import time

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from admin_support import ok
from conftest import free_port, make_client

pytestmark = pytest.mark.eddy_only

KEY_SCHEMA = dict(KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                  AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                  BillingMode="PAY_PER_REQUEST")


def streams_client(endpoint, region, key):
    return boto3.client("dynamodbstreams", endpoint_url=endpoint, region_name=region, aws_access_key_id=key,
                        aws_secret_access_key="secret", config=Config(retries={"max_attempts": 1}))


def create(client, name="Orders", **extra):
    return client.create_table(TableName=name, **KEY_SCHEMA, **extra)["TableDescription"]


def assert_not_found(call, **kwargs):
    with pytest.raises(ClientError) as caught:
        call(**kwargs)
    assert caught.value.response["Error"]["Code"] == "ResourceNotFoundException", caught.value.response


def test_regions_and_access_keys_see_tables_of_their_own(eddy_server):
    server = eddy_server(["--namespace", "access-key-region"], in_memory=True)
    east = make_client(server.endpoint, region="us-east-1", key="AKIDWORKER1")
    west = make_client(server.endpoint, region="eu-west-3", key="AKIDWORKER1")
    other_key = make_client(server.endpoint, region="us-east-1", key="AKIDWORKER2")
    spec = {"StreamSpecification": {"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"}}
    east_table = create(east, **spec)
    assert west.list_tables()["TableNames"] == []
    assert other_key.list_tables()["TableNames"] == []
    west_table = create(west, **spec)
    create(other_key)
    assert east_table["TableArn"] == "arn:aws:dynamodb:us-east-1:000000000000:table/Orders"
    assert west_table["TableArn"] == "arn:aws:dynamodb:eu-west-3:000000000000:table/Orders"
    assert west_table["TableId"] != east_table["TableId"]
    east.put_item(TableName="Orders", Item={"pk": {"S": "east"}})
    west.put_item(TableName="Orders", Item={"pk": {"S": "west"}})
    assert [i["pk"]["S"] for i in east.scan(TableName="Orders")["Items"]] == ["east"]
    assert [i["pk"]["S"] for i in west.scan(TableName="Orders")["Items"]] == ["west"]
    assert other_key.scan(TableName="Orders")["Count"] == 0
    assert "StreamSpecification" not in other_key.describe_table(TableName="Orders")["Table"]
    # A table of one namespace is not found from another, by name or by ARN.
    create(west, name="OnlyWest")
    assert_not_found(east.describe_table, TableName="OnlyWest")
    assert_not_found(east.get_item, TableName="OnlyWest", Key={"pk": {"S": "x"}})
    assert sorted(west.list_tables()["TableNames"]) == ["OnlyWest", "Orders"]
    assert server.stop() == 0


def test_streams_partiql_and_transactions_stay_in_their_namespace(eddy_server):
    server = eddy_server(["--namespace", "access-key-region"], in_memory=True)
    first = make_client(server.endpoint, region="us-east-1", key="AKIDA")
    second = make_client(server.endpoint, region="us-west-2", key="AKIDA")
    spec = {"StreamSpecification": {"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"}}
    stream_arn = create(first, **spec)["LatestStreamArn"]
    create(second, **spec)
    first_streams = streams_client(server.endpoint, "us-east-1", "AKIDA")
    second_streams = streams_client(server.endpoint, "us-west-2", "AKIDA")
    assert [s["StreamArn"] for s in first_streams.list_streams()["Streams"]] == [stream_arn]
    assert [s["StreamArn"] for s in second_streams.list_streams()["Streams"]] != [stream_arn]
    assert ":us-west-2:" in second_streams.list_streams()["Streams"][0]["StreamArn"]
    assert_not_found(second_streams.describe_stream, StreamArn=stream_arn)

    first.execute_statement(Statement="INSERT INTO Orders VALUE {'pk': 'partiql'}")
    first.transact_write_items(TransactItems=[{"Put": {"TableName": "Orders", "Item": {"pk": {"S": "tx"}}}}])
    assert sorted(i["pk"]["S"] for i in first.execute_statement(Statement="SELECT * FROM Orders")["Items"]) == \
        ["partiql", "tx"]
    assert second.execute_statement(Statement="SELECT * FROM Orders")["Items"] == []
    got = second.transact_get_items(TransactItems=[{"Get": {"TableName": "Orders", "Key": {"pk": {"S": "tx"}}}}])
    assert got["Responses"] == [{}]

    description = first_streams.describe_stream(StreamArn=stream_arn)["StreamDescription"]
    shard = description["Shards"][0]["ShardId"]
    records = []
    for found in description["Shards"]:
        iterator = first_streams.get_shard_iterator(StreamArn=stream_arn, ShardId=found["ShardId"],
                                                    ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
        records += first_streams.get_records(ShardIterator=iterator)["Records"]
    assert shard
    assert sorted(r["dynamodb"]["Keys"]["pk"]["S"] for r in records) == ["partiql", "tx"]
    assert all(r["awsRegion"] == "us-east-1" for r in records)
    assert server.stop() == 0


def test_dynamodb_local_command_line_without_shared_db_separates(eddy_server):
    port = free_port()
    server = eddy_server(raw_args=["-port", str(port), "-inMemory"], port=port)
    first = make_client(server.endpoint, region="us-east-1", key="AKIDA")
    second = make_client(server.endpoint, region="ap-south-1", key="AKIDA")
    create(first)
    assert second.list_tables()["TableNames"] == []
    assert "namespace:   access-key-region" in server.output()
    assert server.stop() == 0


@pytest.mark.parametrize("args", [["-sharedDb"], ["--namespace", "shared"], []],
                         ids=["sharedDb", "namespace-shared", "default"])
def test_shared_db_and_the_default_share_one_set_of_tables(eddy_server, args):
    port = free_port()
    dynamodb_local = ["-port", str(port), "-inMemory"] if args == ["-sharedDb"] else \
        ["--port", str(port), "--in-memory"]
    server = eddy_server(raw_args=dynamodb_local + args, port=port)
    first = make_client(server.endpoint, region="us-east-1", key="AKIDA")
    second = make_client(server.endpoint, region="ap-south-1", key="AKIDB")
    create(first)
    assert second.list_tables()["TableNames"] == ["Orders"]
    assert "namespace:   shared" in server.output()
    assert server.stop() == 0


def test_namespaces_persist_across_a_restart(eddy_server, tmp_path):
    data_dir = tmp_path / "data"
    server = eddy_server(["--namespace", "access-key-region"], data_dir=data_dir)
    east = make_client(server.endpoint, region="us-east-1", key="AKIDA")
    west = make_client(server.endpoint, region="eu-west-1", key="AKIDA")
    create(east)
    create(west, name="Other")
    east.put_item(TableName="Orders", Item={"pk": {"S": "kept"}})
    assert server.stop() == 0
    folders = {p.name for p in (data_dir / "namespaces").iterdir()}
    assert {"AKIDA_eu-west-1", "AKIDA_us-east-1"} <= folders, folders
    again = eddy_server(["--namespace", "access-key-region"], data_dir=data_dir)
    east = make_client(again.endpoint, region="us-east-1", key="AKIDA")
    west = make_client(again.endpoint, region="eu-west-1", key="AKIDA")
    assert east.list_tables()["TableNames"] == ["Orders"]
    assert west.list_tables()["TableNames"] == ["Other"]
    assert east.get_item(TableName="Orders", Key={"pk": {"S": "kept"}})["Item"] == {"pk": {"S": "kept"}}
    assert again.stop() == 0


def test_init_tables_are_created_in_every_namespace(eddy_server, tmp_path):
    tables = tmp_path / "tables.json"
    tables.write_text(json.dumps([dict(TableName="Seeded", **KEY_SCHEMA)]))
    items = tmp_path / "items.json"
    items.write_text(json.dumps({"RequestItems": {"Seeded": [{"PutRequest": {"Item": {"pk": {"S": "one"}}}}]}}))
    server = eddy_server(["--namespace", "access-key-region", "--init", str(tables), "--init", str(items)],
                         in_memory=True)
    for region in ("us-east-1", "eu-central-1"):
        client = make_client(server.endpoint, region=region, key="AKIDA")
        assert client.list_tables()["TableNames"] == ["Seeded"]
        table = client.describe_table(TableName="Seeded")["Table"]
        assert table["TableArn"] == f"arn:aws:dynamodb:{region}:000000000000:table/Seeded"
        assert client.scan(TableName="Seeded")["Count"] == 1
    assert server.stop() == 0


def test_ttl_runs_in_each_namespace(eddy_server):
    """Each namespace has its own TTL sweeper, woken by a move of the clock."""
    server = eddy_server(["--namespace", "access-key-region", "--clock", "virtual",
                          "--ttl-sweep-interval-seconds", "3600"], in_memory=True)
    client = make_client(server.endpoint, region="sa-east-1", key="AKIDTTL")
    create(client, name="Expiring")
    client.update_time_to_live(TableName="Expiring",
                               TimeToLiveSpecification={"AttributeName": "ttl", "Enabled": True})
    now = ok(server.endpoint, "GET", "clock")["epoch_seconds"]
    client.put_item(TableName="Expiring", Item={"pk": {"S": "x"}, "ttl": {"N": str(int(now) + 60)}})
    ok(server.endpoint, "POST", "clock", {"advance_seconds": 3600})
    deadline = time.monotonic() + 10
    while client.scan(TableName="Expiring")["Count"] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert client.scan(TableName="Expiring")["Count"] == 0
    assert server.stop() == 0


def test_namespace_flag_refuses_other_values(eddy_server):
    result = eddy_server.run(["--namespace", "per-region", "--in-memory", "--port", "0"])
    assert result.returncode == 2
    assert "--namespace must be shared or access-key-region" in result.stdout


def lambda_of(endpoint, region, key):
    return boto3.client("lambda", endpoint_url=endpoint, region_name=region, aws_access_key_id=key,
                        aws_secret_access_key="secret", config=Config(retries={"max_attempts": 1}))


def test_event_source_mappings_belong_to_their_namespace(eddy_server):
    from triggers_support import FunctionHost, poll
    host = FunctionHost()
    try:
        server = eddy_server(["--namespace", "access-key-region"], in_memory=True)
        first = make_client(server.endpoint, region="us-east-1", key="AKIDA")
        second = make_client(server.endpoint, region="eu-west-1", key="AKIDA")
        spec = {"StreamSpecification": {"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"}}
        stream_arn = create(first, **spec)["LatestStreamArn"]
        create(second, **spec)
        first_lambda = lambda_of(server.endpoint, "us-east-1", "AKIDA")
        second_lambda = lambda_of(server.endpoint, "eu-west-1", "AKIDA")
        hook = f"{host.url}/hooks/first"
        mapping = first_lambda.create_event_source_mapping(FunctionName=hook, EventSourceArn=stream_arn,
                                                           StartingPosition="LATEST")
        poll(lambda: first_lambda.get_event_source_mapping(UUID=mapping["UUID"])["State"] == "Enabled", "Enabled")
        assert [m["UUID"] for m in first_lambda.list_event_source_mappings()["EventSourceMappings"]] == \
            [mapping["UUID"]]
        assert second_lambda.list_event_source_mappings()["EventSourceMappings"] == []
        # The other namespace's table of the same name feeds no mapping; this one's does.
        second.put_item(TableName="Orders", Item={"pk": {"S": "elsewhere"}})
        first.put_item(TableName="Orders", Item={"pk": {"S": "here"}})
        records = host.wait_records("/hooks/first", 1)
        assert [r["dynamodb"]["Keys"]["pk"]["S"] for r in records] == ["here"]
        assert records[0]["awsRegion"] == "us-east-1"
        assert server.stop() == 0
    finally:
        host.close()
