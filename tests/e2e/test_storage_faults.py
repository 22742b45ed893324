"""A damaged data folder stops eddy at start, with a message that names the damage and exit status 1:
it never serves what it cannot read back (docs/reliability.md, Storage faults). The faults a running
eddy meets (a full disk, short writes, failed syncs) are in tests/unit/engine/storage_recovery_test.cc
and tests/unit/server/storage_faults_test.cc, where the file system can fail on demand."""
import os
import signal

import pytest

from conftest import free_port, make_client

pytestmark = pytest.mark.eddy_only


def filled_data_dir(eddy_server):
    """A data folder whose items are in table files (a SIGTERM flushes them), and the items."""
    data_dir = eddy_server.new_dir()
    server = eddy_server(data_dir=data_dir)
    client = make_client(server.endpoint)
    client.create_table(TableName="damage", KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                        BillingMode="PAY_PER_REQUEST")
    for i in range(300):
        client.put_item(TableName="damage", Item={"pk": {"S": f"k{i:03d}"}, "v": {"S": "x" * 200}})
    assert server.stop(signal.SIGTERM) == 0
    return data_dir


def largest_table_file(data_dir):
    files = [os.path.join(data_dir, name) for name in os.listdir(data_dir) if name.endswith(".sst")]
    assert files, os.listdir(data_dir)
    return max(files, key=os.path.getsize)


def start_on(eddy_server, data_dir):
    return eddy_server.run(["--host", "127.0.0.1", "--port", str(free_port()), "--data-dir", str(data_dir)])


def test_damaged_data_block_stops_the_start(eddy_server):
    data_dir = filled_data_dir(eddy_server)
    damaged = largest_table_file(data_dir)
    with open(damaged, "r+b") as f:
        f.seek(os.path.getsize(damaged) // 4)  # inside the data blocks, which RocksDB's open does not read
        f.write(b"\xde\xad\xbe\xef" * 4)
    result = start_on(eddy_server, data_dir)
    assert result.returncode == 1, result.stdout
    assert f"the data folder {data_dir} is damaged" in result.stdout, result.stdout
    assert "Corruption" in result.stdout and os.path.basename(damaged) in result.stdout, result.stdout


def test_truncated_table_file_stops_the_start(eddy_server):
    data_dir = filled_data_dir(eddy_server)
    damaged = largest_table_file(data_dir)
    os.truncate(damaged, os.path.getsize(damaged) // 2)
    result = start_on(eddy_server, data_dir)
    assert result.returncode == 1, result.stdout
    assert f"cannot open the data folder {data_dir}" in result.stdout, result.stdout
    assert "Corruption" in result.stdout, result.stdout


def test_undamaged_folder_starts_and_serves_every_item(eddy_server):
    data_dir = filled_data_dir(eddy_server)
    server = eddy_server(data_dir=data_dir)
    items = make_client(server.endpoint).scan(TableName="damage")["Items"]
    assert sorted(item["pk"]["S"] for item in items) == [f"k{i:03d}" for i in range(300)]
    assert server.stop() == 0
