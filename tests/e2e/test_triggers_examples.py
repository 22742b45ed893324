"""The four examples in examples/, each run as its README says for running without Docker: eddy,
the example's function (a webhook, Lambda's Invoke API standing in for the Runtime Interface
Emulator, an exec: command), its setup, writes, and the effect the example promises."""
import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

from conftest import free_port, make_client
from triggers_support import poll

pytestmark = pytest.mark.eddy_only

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def processes():
    started = []

    def start(args, cwd, env=None, log=None):
        proc = subprocess.Popen(args, cwd=cwd, env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL,
                                stdout=open(log, "w") if log else subprocess.DEVNULL, stderr=subprocess.STDOUT)
        started.append(proc)
        return proc

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def copy_example(name, tmp_path):
    folder = tmp_path / name
    shutil.copytree(EXAMPLES / name, folder)
    return folder


def create_orders(ddb, name="Orders", key="pk", view="NEW_AND_OLD_IMAGES"):
    ddb.create_table(TableName=name, KeySchema=[{"AttributeName": key, "KeyType": "HASH"}],
                     AttributeDefinitions=[{"AttributeName": key, "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST",
                     StreamSpecification={"StreamEnabled": True, "StreamViewType": view})


def test_order_notifications(eddy_server, processes, tmp_path):
    folder = copy_example("order-notifications", tmp_path)
    port = free_port()
    mappings = json.loads((folder / "mappings.json").read_text())
    mappings[0]["FunctionName"] = f"http://127.0.0.1:{port}/orders"
    (folder / "mappings.json").write_text(json.dumps(mappings))
    log = tmp_path / "notifier.log"
    processes([sys.executable, "notifier.py", str(port)], folder, log=log)
    server = eddy_server(["--event-source-mappings", str(folder / "mappings.json")])
    ddb = make_client(server.endpoint)
    create_orders(ddb)
    ddb.put_item(TableName="Orders", Item={"pk": {"S": "order-1"}, "deliveryDate": {"S": "2026-03-01"}})
    ddb.update_item(TableName="Orders", Key={"pk": {"S": "order-1"}}, UpdateExpression="SET deliveryDate = :d",
                    ExpressionAttributeValues={":d": {"S": "2026-03-04"}})
    ddb.update_item(TableName="Orders", Key={"pk": {"S": "order-1"}}, UpdateExpression="SET note = :n",
                    ExpressionAttributeValues={":n": {"S": "leave at door"}})
    ddb.update_item(TableName="Orders", Key={"pk": {"S": "order-1"}}, UpdateExpression="SET deliveryDate = :d",
                    ExpressionAttributeValues={":d": {"S": "2026-03-05"}})
    expected = ["order order-1: delivery date changed from 2026-03-01 to 2026-03-04",
                "order order-1: delivery date changed from 2026-03-04 to 2026-03-05"]
    poll(lambda: log.read_text().splitlines() == expected, "the notifier's two lines")


def test_order_history_through_the_invoke_api(eddy_server, processes, tmp_path):
    folder = copy_example("order-history", tmp_path)
    port = free_port()
    server = eddy_server(["--lambda-endpoint", f"http://127.0.0.1:{port}"])
    env = {"DYNAMODB_ENDPOINT": server.endpoint, "AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local",
           "AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "us-east-1"}
    processes([sys.executable, "local_invoke.py", str(port)], folder, env=env, log=tmp_path / "invoke.log")
    subprocess.run([sys.executable, "setup.py", server.endpoint], cwd=folder, env={**os.environ, **env}, check=True,
                   timeout=60, capture_output=True)
    ddb = make_client(server.endpoint)
    ddb.put_item(TableName="Orders", Item={"pk": {"S": "o-1"}, "status": {"S": "new"}})
    ddb.update_item(TableName="Orders", Key={"pk": {"S": "o-1"}}, UpdateExpression="SET #s = :s",
                    ExpressionAttributeNames={"#s": "status"}, ExpressionAttributeValues={":s": {"S": "shipped"}})
    ddb.delete_item(TableName="Orders", Key={"pk": {"S": "o-1"}})

    def history():
        items = ddb.query(TableName="OrderHistory", KeyConditionExpression="pk = :p",
                          ExpressionAttributeValues={":p": {"S": "o-1"}})["Items"]
        return items if len(items) == 3 else None

    items = poll(history, "three history items")
    assert [i["eventName"]["S"] for i in items] == ["INSERT", "MODIFY", "REMOVE"]
    assert [i["status"]["S"] for i in items] == ["new", "shipped", "shipped"]


def test_product_stats_from_orders(eddy_server, processes, tmp_path):
    folder = copy_example("product-stats", tmp_path)
    port = free_port()
    server = eddy_server(["--lambda-endpoint", f"http://127.0.0.1:{port}",
                          "--event-source-mappings", str(folder / "mappings.json")])
    processes([sys.executable, "stats_function.py", str(port)], folder, env={"DYNAMODB_ENDPOINT": server.endpoint},
              log=tmp_path / "stats.log")
    subprocess.run([sys.executable, "setup.py", server.endpoint], cwd=folder, check=True, timeout=60,
                   capture_output=True)
    ddb = make_client(server.endpoint)
    orders = [("1", "kettle", "2", "19.5"), ("2", "kettle", "1", "19.5"), ("3", "mug", "4", "3.25")]
    for order_id, product, quantity, price in orders:
        ddb.put_item(TableName="ProductOrders", Item={"orderId": {"S": order_id}, "product": {"S": product},
                                                     "quantity": {"N": quantity}, "price": {"N": price}})
    # A MODIFY is filtered out: it must not count the order twice.
    ddb.update_item(TableName="ProductOrders", Key={"orderId": {"S": "1"}}, UpdateExpression="SET note = :n",
                    ExpressionAttributeValues={":n": {"S": "gift"}})

    def stats(product):
        return ddb.get_item(TableName="ProductStats", Key={"product": {"S": product}}).get("Item")

    poll(lambda: stats("mug") and stats("kettle") and stats("kettle")["orders"]["N"] == "2", "the stats")
    assert stats("kettle") == {"product": {"S": "kettle"}, "unitsSold": {"N": "3"}, "revenue": {"N": "58.5"},
                               "orders": {"N": "2"}}
    assert stats("mug") == {"product": {"S": "mug"}, "unitsSold": {"N": "4"}, "revenue": {"N": "13"},
                            "orders": {"N": "1"}}


def test_analytics_export_appends_json_lines(eddy_server, tmp_path):
    folder = copy_example("analytics-export", tmp_path)
    mappings = json.loads((folder / "mappings.json").read_text())
    mappings[0]["FunctionName"] = f"exec:{sys.executable} export.py"
    (folder / "mappings.json").write_text(json.dumps(mappings))
    server = eddy_server(["--event-source-mappings", str(folder / "mappings.json")])
    ddb = make_client(server.endpoint)
    create_orders(ddb, "Events", view="NEW_IMAGE")
    ddb.put_item(TableName="Events", Item={"pk": {"S": "e1"}, "kind": {"S": "click"}, "n": {"N": "3"}})
    ddb.put_item(TableName="Events", Item={"pk": {"S": "e2"}, "kind": {"S": "view"}, "tags": {"SS": ["b", "a"]}})
    ddb.delete_item(TableName="Events", Key={"pk": {"S": "e1"}})

    def lines():
        files = list((folder / "exports").glob("Events-*.jsonl")) if (folder / "exports").exists() else []
        text = files[0].read_text().splitlines() if len(files) == 1 else []
        return text if len(text) == 2 else None

    # e1 and e2 may sit on different shards, delivered in parallel: the lines are compared in key order.
    exported = sorted((json.loads(line) for line in poll(lines, "two exported lines")), key=lambda e: e["pk"])
    assert exported == [
        {"kind": "click", "n": 3, "pk": "e1"}, {"kind": "view", "pk": "e2", "tags": ["a", "b"]}]
