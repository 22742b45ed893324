#!/usr/bin/env python3
"""Times of the test controls (docs/test-controls.md) at 10^4 and 10^5 items: snapshot, restore,
reset and truncate, on disk and in memory. Starts its own eddy for each size and storage.

    /usr/bin/python3 bench/test_controls_bench.py [--eddy build/eddy] [--sizes 10000,100000] [--reps 5]

Each eddy gets one table of N items (about 150 bytes each, loaded with BatchWriteItem on 4
connections) with a global secondary index and a stream. Then, --reps times each: a snapshot
(replacing the last), a restore, a truncate (then a restore, untimed, to refill), a reset (then a
restore, untimed). Prints the median and the worst of the time the client saw (the call's whole HTTP
round trip) and of the time eddy reports for the work itself ("milliseconds"). Bounded: the load
and 4 x --reps calls per eddy.
"""
import argparse
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time

AUTH = ("AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, "
        "SignedHeaders=host, Signature=0")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Eddy:
    def __init__(self, binary, in_memory, folder):
        self.port = free_port()
        args = [binary, "--host", "127.0.0.1", "--port", str(self.port)]
        args += ["--in-memory"] if in_memory else ["--data-dir", os.path.join(folder, "data")]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if self.call("GET", "/eddy/v1/clock")[0] == 200:
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("eddy did not start")

    def call(self, method, path, body=None, headers=None, conn=None):
        own = conn is None
        conn = conn or http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        try:
            conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers or {})
            resp = conn.getresponse()
            return resp.status, json.loads(resp.read() or b"{}")
        finally:
            if own:
                conn.close()

    def dynamodb(self, operation, body, conn=None):
        headers = {"X-Amz-Target": "DynamoDB_20120810." + operation, "Authorization": AUTH,
                   "Content-Type": "application/x-amz-json-1.0"}
        status, answer = self.call("POST", "/", body, headers, conn)
        if status != 200:
            raise RuntimeError(f"{operation}: {status} {answer}")
        return answer

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=60)


def load(eddy, items, connections=4):
    eddy.dynamodb("CreateTable", {
        "TableName": "Bench", "BillingMode": "PAY_PER_REQUEST",
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                 {"AttributeName": "group", "AttributeType": "S"}],
        "GlobalSecondaryIndexes": [{"IndexName": "by_group",
                                    "KeySchema": [{"AttributeName": "group", "KeyType": "HASH"}],
                                    "Projection": {"ProjectionType": "ALL"}}],
        "StreamSpecification": {"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"}})

    def worker(first):
        conn = http.client.HTTPConnection("127.0.0.1", eddy.port, timeout=300)
        for start in range(first * 25, items, 25 * connections):
            puts = [{"PutRequest": {"Item": {"pk": {"S": f"item{n:07d}"}, "group": {"S": f"g{n % 100}"},
                                             "payload": {"S": "x" * 100}}}}
                    for n in range(start, min(start + 25, items))]
            eddy.dynamodb("BatchWriteItem", {"RequestItems": {"Bench": puts}}, conn)
        conn.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def timed(eddy, method, path, body=None):
    started = time.perf_counter()
    status, answer = eddy.call(method, path, body)
    elapsed = (time.perf_counter() - started) * 1000
    if status != 200:
        raise RuntimeError(f"{method} {path}: {status} {answer}")
    return elapsed, answer.get("milliseconds", float("nan"))


def measure(binary, items, in_memory, reps):
    folder = tempfile.mkdtemp(prefix="eddy-bench-")
    eddy = Eddy(binary, in_memory, folder)
    try:
        started = time.monotonic()
        load(eddy, items)
        loaded = time.monotonic() - started
        count = eddy.dynamodb("DescribeTable", {"TableName": "Bench"})["Table"]["ItemCount"]
        assert count == items, count
        times = {"snapshot": [], "restore": [], "truncate": [], "reset": []}
        for _ in range(reps):
            times["snapshot"].append(timed(eddy, "POST", "/eddy/v1/snapshots", {"name": "bench", "replace": True}))
            times["restore"].append(timed(eddy, "POST", "/eddy/v1/snapshots/bench/restore"))
            times["truncate"].append(timed(eddy, "POST", "/eddy/v1/tables/Bench/truncate"))
            timed(eddy, "POST", "/eddy/v1/snapshots/bench/restore")
            times["reset"].append(timed(eddy, "POST", "/eddy/v1/reset"))
            timed(eddy, "POST", "/eddy/v1/snapshots/bench/restore")
        count = eddy.dynamodb("Scan", {"TableName": "Bench", "Select": "COUNT"})
        assert count["Count"] + 0 > 0
        return loaded, times
    finally:
        eddy.stop()
        shutil.rmtree(folder, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--eddy", default=os.path.join(os.path.dirname(__file__), "..", "build", "eddy"))
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    print(f"{'storage':8} {'items':>7} {'call':9} {'client p50':>10} {'max':>8} {'eddy p50':>9} {'max':>8}  (ms)")
    for items in (int(s) for s in args.sizes.split(",")):
        for in_memory in (False, True):
            loaded, times = measure(args.eddy, items, in_memory, args.reps)
            storage = "memory" if in_memory else "disk"
            for call, samples in times.items():
                client = [c for c, _ in samples]
                server = [s for _, s in samples]
                print(f"{storage:8} {items:7d} {call:9} {statistics.median(client):10.1f} {max(client):8.1f} "
                      f"{statistics.median(server):9.1f} {max(server):8.1f}")
            print(f"{storage:8} {items:7d} (loaded in {loaded:.1f} s)")


if __name__ == "__main__":
    main()
