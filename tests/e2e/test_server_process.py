"""The eddy process itself: flags, persistence across restarts and crashes, in-memory mode, the data
folder lock, signals and the startup log line. Each test starts its own eddy (eddy_only).

eddy [--port 8000] [--host 127.0.0.1] [--data-dir DIR | --in-memory] [--log-level info], and DynamoDB
Local's flags: -port N -inMemory -sharedDb -cors '*' -delayTransientStatuses -disableTelemetry -dbPath DIR.
"""
import os
import re
import signal
import time
import uuid

import pytest

from conftest import free_port, make_client

pytestmark = pytest.mark.eddy_only


def create_table(client, name=None):
    name = name or f"t_{uuid.uuid4().hex[:8]}"
    client.create_table(TableName=name, KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                        BillingMode="PAY_PER_REQUEST")
    return name


def dir_is_empty_or_absent(path):
    return not os.path.exists(path) or not os.listdir(path)


def version_of(eddy_server):
    result = eddy_server.run(["--version"])
    assert result.returncode == 0, result.stdout
    match = re.search(r"\d+\.\d+(\.\d+)?", result.stdout)
    assert match, f"no version number in {result.stdout!r}"
    return match.group(0)


def test_data_persists_across_sigterm_restart(eddy_server):
    data_dir = eddy_server.new_dir()
    first = eddy_server(data_dir=data_dir)
    client = make_client(first.endpoint)
    name = create_table(client)
    item = {"pk": {"S": "kept"}, "n": {"N": "12.5"}, "b": {"B": b"\x00\x01"}, "l": {"L": [{"S": "x"}]}}
    client.put_item(TableName=name, Item=item)
    assert first.stop(signal.SIGTERM) == 0
    second = eddy_server(data_dir=data_dir)
    client = make_client(second.endpoint)
    assert name in client.list_tables()["TableNames"]
    assert client.describe_table(TableName=name)["Table"]["TableStatus"] == "ACTIVE"
    assert client.get_item(TableName=name, Key={"pk": {"S": "kept"}}, ConsistentRead=True)["Item"] == item
    assert second.stop() == 0


def test_acknowledged_put_survives_kill_9(eddy_server):
    data_dir = eddy_server.new_dir()
    first = eddy_server(data_dir=data_dir)
    client = make_client(first.endpoint)
    name = create_table(client)
    client.put_item(TableName=name, Item={"pk": {"S": "durable"}, "v": {"S": "acknowledged"}})
    first.kill9()
    second = eddy_server(data_dir=data_dir)
    got = make_client(second.endpoint).get_item(TableName=name, Key={"pk": {"S": "durable"}})
    assert got["Item"] == {"pk": {"S": "durable"}, "v": {"S": "acknowledged"}}
    assert second.stop() == 0


def test_deleted_table_stays_deleted_after_restart(eddy_server):
    data_dir = eddy_server.new_dir()
    first = eddy_server(data_dir=data_dir)
    client = make_client(first.endpoint)
    name = create_table(client)
    client.delete_table(TableName=name)
    assert first.stop() == 0
    second = eddy_server(data_dir=data_dir)
    assert name not in make_client(second.endpoint).list_tables()["TableNames"]
    assert second.stop() == 0


def test_in_memory_keeps_nothing_on_disk_and_forgets(eddy_server, tmp_path):
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    first = eddy_server(in_memory=True, cwd=workdir)
    client = make_client(first.endpoint)
    name = create_table(client)
    client.put_item(TableName=name, Item={"pk": {"S": "volatile"}})
    assert client.get_item(TableName=name, Key={"pk": {"S": "volatile"}})["Item"] == {"pk": {"S": "volatile"}}
    assert first.stop() == 0
    assert dir_is_empty_or_absent(workdir), os.listdir(workdir)
    second = eddy_server(in_memory=True, cwd=workdir)
    assert name not in make_client(second.endpoint).list_tables()["TableNames"]
    assert second.stop() == 0
    assert dir_is_empty_or_absent(workdir), os.listdir(workdir)


def test_dynamodb_local_flags_in_memory(eddy_server, tmp_path):
    port = free_port()
    server = eddy_server(raw_args=["-port", str(port), "-inMemory", "-sharedDb", "-cors", "*",
                                   "-delayTransientStatuses", "-disableTelemetry"], port=port, cwd=tmp_path)
    client = make_client(server.endpoint)
    name = create_table(client)
    assert client.describe_table(TableName=name)["Table"]["TableStatus"] == "ACTIVE"
    assert server.stop() == 0
    assert dir_is_empty_or_absent(tmp_path / "data") and dir_is_empty_or_absent(tmp_path / "eddy-data")


def test_dynamodb_local_db_path_flag(eddy_server):
    data_dir = eddy_server.new_dir()
    data_dir.mkdir(parents=True)
    port = free_port()
    first = eddy_server(raw_args=["-port", str(port), "-dbPath", str(data_dir), "-sharedDb"], port=port)
    client = make_client(first.endpoint)
    name = create_table(client)
    client.put_item(TableName=name, Item={"pk": {"S": "db-path"}})
    assert first.stop() == 0
    assert os.listdir(data_dir), "nothing was written to the -dbPath folder"
    second = eddy_server(raw_args=["--port", str(port), "--host", "127.0.0.1", "--data-dir", str(data_dir)],
                         port=port)
    got = make_client(second.endpoint).get_item(TableName=name, Key={"pk": {"S": "db-path"}})
    assert got["Item"] == {"pk": {"S": "db-path"}}
    assert second.stop() == 0


@pytest.mark.parametrize("flag", ["--help", "-help"])
def test_help_prints_usage_and_exits_0(eddy_server, flag):
    result = eddy_server.run([flag])
    assert result.returncode == 0, result.stdout
    assert "--port" in result.stdout and "--data-dir" in result.stdout and "--in-memory" in result.stdout


@pytest.mark.parametrize("flag", ["--version", "-version"])
def test_version_prints_and_exits_0(eddy_server, flag):
    result = eddy_server.run([flag])
    assert result.returncode == 0, result.stdout
    assert re.search(r"\d+\.\d+", result.stdout), result.stdout


def test_unknown_flag_is_refused(eddy_server):
    result = eddy_server.run(["--no-such-flag"])
    assert result.returncode != 0
    assert "no-such-flag" in result.stdout


def test_second_server_on_same_data_dir_is_refused(eddy_server):
    data_dir = eddy_server.new_dir()
    first = eddy_server(data_dir=data_dir)
    result = eddy_server.run(["--host", "127.0.0.1", "--port", str(free_port()), "--data-dir", str(data_dir)])
    assert result.returncode != 0
    assert str(data_dir) in result.stdout or "lock" in result.stdout.lower(), result.stdout
    # The first server is unharmed.
    assert make_client(first.endpoint).list_tables()["TableNames"] == []
    assert first.stop() == 0


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_signals_exit_0(eddy_server, sig):
    server = eddy_server()
    create_table(make_client(server.endpoint))
    assert server.stop(sig) == 0


def test_startup_log_line(eddy_server):
    version = version_of(eddy_server)
    data_dir = eddy_server.new_dir()
    server = eddy_server(data_dir=data_dir)
    deadline = time.monotonic() + 2  # the line may still be on its way through a buffer
    while str(data_dir) not in server.output() and time.monotonic() < deadline:
        time.sleep(0.05)
    output = server.output()
    assert f"127.0.0.1:{server.port}" in output, output
    assert str(data_dir) in output, output
    assert version in output, output
    assert server.stop() == 0


def test_log_level_flag_accepted(eddy_server):
    server = eddy_server(extra_args=["--log-level", "debug"])
    make_client(server.endpoint).list_tables()
    assert server.stop() == 0


def test_port_in_use_is_refused(eddy_server):
    first = eddy_server()
    result = eddy_server.run(["--host", "127.0.0.1", "--port", str(first.port), "--in-memory"])
    assert result.returncode != 0
    assert first.stop() == 0


def test_tables_are_active_at_once(ddb):
    name = create_table(ddb)
    try:
        assert ddb.describe_table(TableName=name)["Table"]["TableStatus"] == "ACTIVE"
        ddb.put_item(TableName=name, Item={"pk": {"S": "at-once"}})
    finally:
        ddb.delete_table(TableName=name)


def test_credentials_and_regions_share_one_namespace(client_factory):
    first = client_factory(region="us-east-1", key="AKIDFIRST", secret="one")
    second = client_factory(region="eu-west-3", key="AKIDSECOND", secret="two")
    name = create_table(first)
    try:
        assert name in second.list_tables()["TableNames"]
        second.put_item(TableName=name, Item={"pk": {"S": "shared"}})
        assert first.get_item(TableName=name, Key={"pk": {"S": "shared"}})["Item"] == {"pk": {"S": "shared"}}
    finally:
        second.delete_table(TableName=name)


@pytest.mark.parametrize("in_memory", [False, True])
def test_clean_start_logs_no_warning_and_writes_no_rocksdb_log(eddy_server, in_memory):
    """RocksDB's warnings and errors go to eddy's log; an ordinary start, restart and stop has none,
    and the data folder holds no LOG file of RocksDB's."""
    data_dir = eddy_server.new_dir()
    args = {"in_memory": True} if in_memory else {"data_dir": data_dir}
    outputs = []
    for _ in range(1 if in_memory else 2):  # a new folder, then the same folder again
        server = eddy_server(**args)
        create_table(make_client(server.endpoint))
        assert server.stop() == 0
        outputs.append(server.log_path.read_text(errors="replace"))
    for output in outputs:
        assert " warning " not in output and " error " not in output and "rocksdb" not in output, output
    if not in_memory:
        assert "LOG" not in os.listdir(data_dir), os.listdir(data_dir)
