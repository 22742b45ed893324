"""The admin API and the mappings file with namespaces by access key and region (docs/namespaces.md,
The admin API): a call acts on the namespace its request names (the Authorization header's credential
scope, else ?accessKeyId=...&region=...); a snapshot, restore or reset that names none acts on every
namespace. Each test starts its own eddy (eddy_only)."""
import json
import subprocess

import pytest

from admin_support import admin, assert_admin_error, ok
from conftest import eddy_bin, make_client
from triggers_support import FunctionHost, poll

pytestmark = pytest.mark.eddy_only

KEY_SCHEMA = dict(KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                  AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                  BillingMode="PAY_PER_REQUEST")
STREAM = {"StreamSpecification": {"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"}}
EAST = "accessKeyId=AKIDA&region=us-east-1"
WEST = "accessKeyId=AKIDA&region=eu-west-1"


def two_namespaces(server, **extra):
    """Orders in us-east-1 and eu-west-1 (access key AKIDA), each with one item of its region's name."""
    east = make_client(server.endpoint, region="us-east-1", key="AKIDA")
    west = make_client(server.endpoint, region="eu-west-1", key="AKIDA")
    for client, name in ((east, "east"), (west, "west")):
        client.create_table(TableName="Orders", **KEY_SCHEMA, **extra)
        client.put_item(TableName="Orders", Item={"pk": {"S": name}})
    return east, west


def lambda_client(endpoint, region, key):
    import boto3
    from botocore.config import Config
    return boto3.client("lambda", endpoint_url=endpoint, region_name=region, aws_access_key_id=key,
                        aws_secret_access_key="secret", config=Config(retries={"max_attempts": 1}))


def keys(client, table="Orders"):
    return sorted(item["pk"]["S"] for item in client.scan(TableName=table)["Items"])


def signed_admin(endpoint, method, path, region, key="AKIDA"):
    """An admin call with a SigV4 Authorization header (the admin API reads its scope, unverified)."""
    import http.client
    import urllib.parse
    url = urllib.parse.urlparse(endpoint)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        authorization = (f"AWS4-HMAC-SHA256 Credential={key}/20261201/{region}/dynamodb/aws4_request, "
                         "SignedHeaders=host;x-amz-date, Signature=" + "0" * 64)
        conn.request(method, "/eddy/v1/" + path, headers={"Authorization": authorization})
        resp = conn.getresponse()
        body = resp.read().decode()
        return resp.status, json.loads(body) if body else None
    finally:
        conn.close()


def test_truncate_acts_on_the_namespace_its_query_or_signature_names(eddy_server):
    server = eddy_server(["--namespace", "access-key-region"], in_memory=True)
    east, west = two_namespaces(server)
    ok(server.endpoint, "POST", f"tables/Orders/truncate?{EAST}")
    assert keys(east) == [] and keys(west) == ["west"]
    east.put_item(TableName="Orders", Item={"pk": {"S": "east"}})
    status, _ = signed_admin(server.endpoint, "POST", "tables/Orders/truncate", "eu-west-1")
    assert status == 200
    assert keys(east) == ["east"] and keys(west) == []
    # A table that only one namespace has is not found in another.
    west.create_table(TableName="OnlyWest", **KEY_SCHEMA)
    assert_admin_error(admin(server.endpoint, "POST", f"tables/OnlyWest/truncate?{EAST}"), 400,
                       "ResourceNotFoundException", "Requested resource not found: Table: OnlyWest not found")
    ok(server.endpoint, "POST", f"tables/OnlyWest/truncate?{WEST}")
    assert_admin_error(admin(server.endpoint, "POST", "tables/Orders/truncate?accessKeyId=AKIDA"), 400,
                       "ValidationException",
                       "accessKeyId and region name a namespace together: give both, or neither")
    assert server.stop() == 0


def test_stream_marks_waits_and_rollovers_are_per_namespace(eddy_server):
    server = eddy_server(["--namespace", "access-key-region", "--stream-shards", "1"], in_memory=True)
    east, west = two_namespaces(server, **STREAM)
    assert ok(server.endpoint, "POST", f"streams/Orders/mark?{EAST}") == {"table": "Orders", "records": 1, "mark": 1}
    ok(server.endpoint, "POST", f"streams/Orders/mark?{WEST}")
    east.put_item(TableName="Orders", Item={"pk": {"S": "east-2"}})
    assert ok(server.endpoint, "GET", f"streams/Orders/wait?count=1&timeout_ms=5000&{EAST}") == \
        {"table": "Orders", "records": 2, "mark": 2}
    # The write in us-east-1 is not a record of eu-west-1's Orders.
    assert_admin_error(admin(server.endpoint, "GET", f"streams/Orders/wait?count=1&timeout_ms=200&{WEST}"), 408,
                       "WaitTimeoutException",
                       "The stream of Orders holds 0 of the 1 records waited for after 200 ms")
    rolled = ok(server.endpoint, "POST", f"streams/Orders/rollover?{WEST}")
    assert len(rolled["closed"]) == 1 and len(rolled["opened"]) == 1
    streams = {}
    for region in ("us-east-1", "eu-west-1"):
        client = make_client(server.endpoint, region=region, key="AKIDA")
        arn = client.describe_table(TableName="Orders")["Table"]["LatestStreamArn"]
        import boto3
        described = boto3.client("dynamodbstreams", endpoint_url=server.endpoint, region_name=region,
                                 aws_access_key_id="AKIDA", aws_secret_access_key="s").describe_stream(StreamArn=arn)
        streams[region] = len(described["StreamDescription"]["Shards"])
    assert streams == {"us-east-1": 1, "eu-west-1": 2}
    assert server.stop() == 0


def test_reset_of_one_namespace_leaves_the_other_and_reset_of_none_empties_all(eddy_server, tmp_path):
    data_dir = tmp_path / "data"
    server = eddy_server(["--namespace", "access-key-region"], data_dir=data_dir)
    east, west = two_namespaces(server)
    ok(server.endpoint, "POST", f"reset?{WEST}")
    assert east.list_tables()["TableNames"] == ["Orders"] and keys(east) == ["east"]
    assert west.list_tables()["TableNames"] == []
    west.create_table(TableName="Orders", **KEY_SCHEMA)
    assert server.stop() == 0
    # After a restart no request has opened either namespace yet: a reset reaches them on disk too.
    again = eddy_server(["--namespace", "access-key-region"], data_dir=data_dir)
    result = subprocess.run([eddy_bin(), "admin", "reset", "--endpoint", again.endpoint], capture_output=True,
                            text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    for region in ("us-east-1", "eu-west-1"):
        assert make_client(again.endpoint, region=region, key="AKIDA").list_tables()["TableNames"] == []
    assert again.stop() == 0


def test_snapshot_of_one_namespace_restores_only_its_tables(eddy_server):
    server = eddy_server(["--namespace", "access-key-region"], in_memory=True)
    east, west = two_namespaces(server)
    taken = ok(server.endpoint, "POST", f"snapshots?{EAST}", {"name": "east-only"})
    assert (taken["name"], taken["tables"], taken["items"]) == ("east-only", 1, 1)
    assert [s["name"] for s in ok(server.endpoint, "GET", f"snapshots?{EAST}")["snapshots"]] == ["east-only"]
    assert ok(server.endpoint, "GET", f"snapshots?{WEST}")["snapshots"] == []
    for client in (east, west):
        client.put_item(TableName="Orders", Item={"pk": {"S": "later"}})
        client.create_table(TableName="Later", **KEY_SCHEMA)
    ok(server.endpoint, "POST", f"snapshots/east-only/restore?{EAST}")
    assert east.list_tables()["TableNames"] == ["Orders"] and keys(east) == ["east"]
    assert west.list_tables()["TableNames"] == ["Later", "Orders"] and keys(west) == ["later", "west"]
    assert_admin_error(admin(server.endpoint, "POST", f"snapshots/east-only/restore?{WEST}"), 400,
                       "ResourceNotFoundException", "Snapshot not found: east-only")
    assert server.stop() == 0


def test_snapshot_of_no_namespace_takes_and_restores_every_namespace(eddy_server):
    server = eddy_server(["--namespace", "access-key-region"], in_memory=True)
    east, west = two_namespaces(server)
    taken = ok(server.endpoint, "POST", "snapshots", {"name": "all"})
    assert (taken["tables"], taken["items"]) == (2, 2)
    assert_admin_error(admin(server.endpoint, "POST", "snapshots", {"name": "all"}), 400, "ResourceInUseException",
                       "Snapshot already exists: all")
    for client in (east, west):
        client.delete_item(TableName="Orders", Key={"pk": {"S": "east" if client is east else "west"}})
    # A namespace first opened after the snapshot has nothing in it: a restore empties it.
    late = make_client(server.endpoint, region="ap-south-1", key="AKIDA")
    late.create_table(TableName="Late", **KEY_SCHEMA)
    ok(server.endpoint, "POST", "snapshots/all/restore")
    assert keys(east) == ["east"] and keys(west) == ["west"]
    assert late.list_tables()["TableNames"] == []
    # Each namespace holds its part: one of them can go back alone.
    west.put_item(TableName="Orders", Item={"pk": {"S": "again"}})
    ok(server.endpoint, "POST", f"snapshots/all/restore?{WEST}")
    assert keys(west) == ["west"]
    ok(server.endpoint, "DELETE", "snapshots/all")
    assert ok(server.endpoint, "GET", f"snapshots?{EAST}")["snapshots"] == []
    assert server.stop() == 0


def test_cli_access_key_and_region_name_the_namespace(eddy_server):
    server = eddy_server(["--namespace", "access-key-region"], in_memory=True)
    east, west = two_namespaces(server)

    def cli(*words):
        return subprocess.run([eddy_bin(), "admin", *words, "--endpoint", server.endpoint], capture_output=True,
                              text=True, timeout=30)

    result = cli("truncate", "Orders", "--access-key", "AKIDA", "--region", "eu-west-1")
    assert result.returncode == 0, result.stderr
    assert keys(east) == ["east"] and keys(west) == []
    result = cli("reset", "--region", "eu-west-1")
    assert result.returncode == 2
    assert "--access-key and --region name a namespace together" in result.stderr
    assert server.stop() == 0


def test_trigger_waits_find_the_mapping_in_its_namespace(eddy_server):
    host = FunctionHost()
    try:
        server = eddy_server(["--namespace", "access-key-region"], in_memory=True)
        east, _ = two_namespaces(server, **STREAM)
        arn = east.describe_table(TableName="Orders")["Table"]["LatestStreamArn"]
        lam = lambda_client(server.endpoint, region="us-east-1", key="AKIDA")
        uuid = lam.create_event_source_mapping(FunctionName=f"{host.url}/hooks/east", EventSourceArn=arn,
                                               StartingPosition="TRIM_HORIZON")["UUID"]
        assert ok(server.endpoint, "GET", f"triggers/{uuid}/wait?timeout_ms=10000&{EAST}") == \
            {"uuid": uuid, "delivered": True}
        assert [r["dynamodb"]["Keys"]["pk"]["S"] for r in host.records_of("/hooks/east")] == ["east"]
        answer = admin(server.endpoint, "GET", f"triggers/{uuid}/wait?timeout_ms=1000&{WEST}")
        assert answer.status == 400 and answer.json["__type"] == "eddy.admin#ResourceNotFoundException", answer
        assert server.stop() == 0
    finally:
        host.close()


def test_mappings_file_applies_in_every_namespace_and_again_after_its_reset(eddy_server, tmp_path):
    host = FunctionHost()
    try:
        mappings = tmp_path / "mappings.json"
        mappings.write_text(json.dumps([{"TableName": "Orders", "FunctionName": f"{host.url}/hooks/file",
                                         "StartingPosition": "TRIM_HORIZON"}]))
        server = eddy_server(["--namespace", "access-key-region", "--event-source-mappings", str(mappings)],
                             in_memory=True)
        two_namespaces(server, **STREAM)
        host.wait_records("/hooks/file", 2)
        regions = sorted((r["awsRegion"], r["dynamodb"]["Keys"]["pk"]["S"]) for r in host.records_of("/hooks/file"))
        assert regions == [("eu-west-1", "west"), ("us-east-1", "east")]
        for region in ("us-east-1", "eu-west-1"):
            listed = lambda_client(server.endpoint, region=region, key="AKIDA") \
                .list_event_source_mappings()["EventSourceMappings"]
            assert [m["FunctionArn"] for m in listed] == [f"{host.url}/hooks/file"]
            assert f":{region}:" in listed[0]["EventSourceArn"]
        # A reset of one namespace makes its mapping again, waiting for its table.
        ok(server.endpoint, "POST", f"reset?{WEST}")
        west_lambda = lambda_client(server.endpoint, region="eu-west-1", key="AKIDA")
        poll(lambda: [m["FunctionArn"] for m in west_lambda.list_event_source_mappings()["EventSourceMappings"]]
             == [f"{host.url}/hooks/file"], "the file's mapping made again")
        west = make_client(server.endpoint, region="eu-west-1", key="AKIDA")
        west.create_table(TableName="Orders", **KEY_SCHEMA, **STREAM)
        west.put_item(TableName="Orders", Item={"pk": {"S": "west-again"}})
        host.wait_records("/hooks/file", 3)
        assert host.records_of("/hooks/file")[-1]["dynamodb"]["Keys"]["pk"]["S"] == "west-again"
        assert server.stop() == 0
    finally:
        host.close()
