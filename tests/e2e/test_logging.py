"""eddy's log: the start-up banner (address, data folder, namespace mode, the AWS CLI command, the console),
--log-format text|json, and at debug level one line per request (operation, table, status, error,
microseconds). Each test starts its own eddy and reads its output after it stopped (eddy_only)."""
import json
import re

import pytest

from conftest import free_port
from e2e_helpers import raw_request

pytestmark = pytest.mark.eddy_only

REQUEST_LINE = re.compile(r" debug request operation=(\S+) table=(\S+) status=(\d+)(?: error=(\S+))? micros=(\d+)$")


def key_table(name, stream=False):
    body = {"TableName": name, "BillingMode": "PAY_PER_REQUEST",
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}]}
    if stream:
        body["StreamSpecification"] = {"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"}
    return body


def without_readiness_probes(lines):
    """The suite's start-up wait polls ListTables until eddy answers; those come first."""
    while lines and lines[0][0] == "ListTables":
        lines = lines[1:]
    return lines


def some_requests(endpoint):
    """Requests of each kind the log names tables for; returns what their lines must say."""
    created = raw_request(endpoint, "CreateTable", key_table("Music", stream=True))
    assert created.status == 200, created
    raw_request(endpoint, "CreateTable", key_table("Books"))
    arn = created.json["TableDescription"]["LatestStreamArn"]
    item = {"TableName": "Music", "Item": {"pk": {"S": "a"}}}
    assert raw_request(endpoint, "PutItem", item).status == 200
    refused = raw_request(endpoint, "PutItem", {**item, "ConditionExpression": "attribute_not_exists(pk)"})
    assert refused.status == 400
    batch = {"RequestItems": {"Music": [{"PutRequest": {"Item": {"pk": {"S": "b"}}}}],
                              "Books": [{"PutRequest": {"Item": {"pk": {"S": "c"}}}}]}}
    assert raw_request(endpoint, "BatchWriteItem", batch).status == 200
    assert raw_request(endpoint, "DynamoDBStreams_20120810.DescribeStream", {"StreamArn": arn}).status == 200
    assert raw_request(endpoint, "ListTables", {}).status == 200
    assert raw_request(endpoint, "NoSuchOperation", {}).status == 400
    return [("CreateTable", "Music", 200, None), ("CreateTable", "Books", 200, None),
            ("PutItem", "Music", 200, None), ("PutItem", "Music", 400, "ConditionalCheckFailedException"),
            ("BatchWriteItem", "Music,Books", 200, None), ("DescribeStream", "Music", 200, None),
            ("ListTables", "-", 200, None), ("NoSuchOperation", "-", 400, "UnknownOperationException")]


def test_text_banner_says_address_data_folder_namespace_and_aws_cli(eddy_server, tmp_path):
    port = free_port()
    server = eddy_server(raw_args=["--host", "127.0.0.1", "--port", str(port), "--data-dir", "relative-data"],
                         port=port, cwd=tmp_path)
    assert server.stop() == 0
    lines = output(server).splitlines()
    endpoint = f"http://127.0.0.1:{port}"
    assert lines[0].endswith(f" info eddy {version(eddy_server)} listening on {endpoint}"), lines
    assert lines[1].endswith(f" info   data folder: {tmp_path / 'relative-data'}"), lines
    assert lines[2].endswith(" info   namespace:   shared (every access key and region sees the same tables)"), lines
    assert lines[3].endswith(f" info   AWS CLI:     aws dynamodb list-tables --endpoint-url {endpoint} "
                             "(any access key, secret and region)"), lines
    assert lines[4].endswith(f" info   console:     {endpoint}/console (in a browser)"), lines
    assert lines[-1].endswith(" info eddy stopped"), lines


def test_text_banner_of_an_in_memory_server(eddy_server):
    server = eddy_server(in_memory=True)
    assert server.stop() == 0
    assert " info   data folder: none, in memory (nothing is kept after exit)" in output(server)


def test_banner_names_the_console_only_where_it_is_allowed(eddy_server):
    port = free_port()
    refused = eddy_server(raw_args=["--host", "0.0.0.0", "--port", str(port), "--in-memory"], port=port)
    assert refused.stop() == 0
    assert " console: " not in output(refused), output(refused)
    port = free_port()
    allowed = eddy_server(raw_args=["--host", "0.0.0.0", "--port", str(port), "--in-memory", "--admin"], port=port)
    assert allowed.stop() == 0
    lines = output(allowed).splitlines()
    assert lines[4].endswith(f" info   console:     http://localhost:{port}/console (in a browser)"), lines


def test_json_start_event_names_no_console_where_it_is_refused(eddy_server):
    port = free_port()
    server = eddy_server(raw_args=["--host", "0.0.0.0", "--port", str(port), "--in-memory", "--log-format", "json"],
                         port=port)
    assert server.stop() == 0
    start = json.loads(output(server).splitlines()[0])
    assert start["console"] is None and start["endpoint"] == f"http://0.0.0.0:{port}"


def test_json_format_writes_one_object_per_line_and_a_start_event(eddy_server):
    data_dir = eddy_server.new_dir()
    server = eddy_server(data_dir=data_dir, extra_args=["--log-format", "json"])
    assert raw_request(server.endpoint, "ListTables", {}).status == 200
    assert server.stop() == 0
    lines = [json.loads(line) for line in output(server).splitlines()]
    for line in lines:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", line["time"]), line
        assert line["level"] == "info", line
    start = lines[0]
    endpoint = f"http://127.0.0.1:{server.port}"
    assert start == {"time": start["time"], "level": "info", "message": f"eddy {version(eddy_server)} listening on {endpoint}",
                     "event": "start", "version": version(eddy_server), "endpoint": endpoint, "data_dir": str(data_dir),
                     "in_memory": False, "namespace": "shared",
                     "aws_cli": f"aws dynamodb list-tables --endpoint-url {endpoint}",
                     "console": f"{endpoint}/console"}
    assert [line["message"] for line in lines[1:]] == ["eddy stopping (signal 15)", "eddy stopped"]


def test_json_start_event_of_an_in_memory_server(eddy_server):
    server = eddy_server(in_memory=True, extra_args=["--log-format", "json"])
    assert server.stop() == 0
    start = json.loads(output(server).splitlines()[0])
    assert start["data_dir"] is None and start["in_memory"] is True


def test_debug_level_logs_one_text_line_per_request(eddy_server):
    server = eddy_server(in_memory=True, extra_args=["--log-level", "debug"])
    expected = some_requests(server.endpoint)
    assert server.stop() == 0
    matches = [REQUEST_LINE.search(line) for line in output(server).splitlines() if " debug request " in line]
    assert all(matches), output(server)
    assert without_readiness_probes([(m[1], m[2], int(m[3]), m[4]) for m in matches]) == expected
    assert all(0 <= int(m[5]) < 10_000_000 for m in matches)


def test_debug_level_logs_one_json_line_per_request(eddy_server):
    server = eddy_server(in_memory=True, extra_args=["--log-level", "debug", "--log-format", "json"])
    expected = some_requests(server.endpoint)
    assert server.stop() == 0
    lines = [json.loads(line) for line in output(server).splitlines()]
    requests = [line for line in lines if line["message"] == "request"]
    assert without_readiness_probes([(r["operation"], r["table"], r["status"], r.get("error"))
                                     for r in requests]) == expected
    for r in requests:
        assert r["level"] == "debug"
        assert isinstance(r["micros"], int) and r["micros"] >= 0
        assert set(r) <= {"time", "level", "message", "operation", "table", "status", "error", "micros"}


def test_info_level_logs_no_request_lines(eddy_server):
    server = eddy_server(in_memory=True)
    some_requests(server.endpoint)
    assert server.stop() == 0
    assert " request " not in output(server)
    assert len(output(server).splitlines()) == 7, output(server)  # the banner's 5 lines, stopping, stopped


def test_unknown_log_format_is_refused(eddy_server):
    result = eddy_server.run(["--in-memory", "--log-format", "xml"])
    assert result.returncode == 2
    assert "eddy: --log-format must be text or json" in result.stdout


def version(eddy_server):
    return eddy_server.run(["--version"]).stdout.split()[1]


def output(server):
    """What a stopped server wrote."""
    return server.log_path.read_text(errors="replace")
