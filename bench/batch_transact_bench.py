#!/usr/bin/env python3
"""Throughput and latency of BatchWriteItem (25 items) and a 4-action TransactWriteItems against a
running DynamoDB-compatible server, optionally side by side with a second one (DynamoDB Local).

    /usr/bin/python3 bench/batch_transact_bench.py --endpoint http://127.0.0.1:8000 \
        [--compare http://127.0.0.1:8001] [--seconds 5] [--threads 4]

Each server gets its own table (created, then deleted). Bounded: --seconds per workload per server.
"""
import argparse
import http.client
import json
import statistics
import threading
import time
import urllib.parse
import uuid

AUTH = ("AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, "
        "SignedHeaders=host, Signature=0")


class Client:
    """One keep-alive connection speaking DynamoDB's JSON protocol."""

    def __init__(self, endpoint):
        url = urllib.parse.urlparse(endpoint)
        self.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)

    def call(self, operation, body):
        self.conn.request("POST", "/", body=json.dumps(body), headers={
            "X-Amz-Target": "DynamoDB_20120810." + operation, "Authorization": AUTH,
            "Content-Type": "application/x-amz-json-1.0"})
        resp = self.conn.getresponse()
        data = resp.read()
        if resp.status != 200:
            raise RuntimeError(f"{operation}: {resp.status} {data[:300]!r}")
        return json.loads(data)


def create_table(client):
    name = "bench_" + uuid.uuid4().hex[:8]
    client.call("CreateTable", {"TableName": name, "BillingMode": "PAY_PER_REQUEST",
                                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                                "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}]})
    for _ in range(100):
        if client.call("DescribeTable", {"TableName": name})["Table"]["TableStatus"] == "ACTIVE":
            break
        time.sleep(0.1)
    return name


def batch_write(table, worker, n):
    payload = "x" * 100
    return "BatchWriteItem", {"RequestItems": {table: [
        {"PutRequest": {"Item": {"pk": {"S": f"b{worker}-{n}-{i}"}, "v": {"S": payload}, "n": {"N": str(i)}}}}
        for i in range(25)]}}


def transact_write(table, worker, n):
    key = lambda name: {"pk": {"S": f"t{worker}-{name}"}}
    return "TransactWriteItems", {"TransactItems": [
        {"Put": {"TableName": table, "Item": dict(key(f"p{n}"), v={"S": "value"})}},
        {"Update": {"TableName": table, "Key": key("counter"), "UpdateExpression": "ADD c :one",
                    "ExpressionAttributeValues": {":one": {"N": "1"}}}},
        {"Update": {"TableName": table, "Key": key("balance"), "UpdateExpression": "SET b = :n",
                    "ConditionExpression": "attribute_not_exists(b) OR b < :n",
                    "ExpressionAttributeValues": {":n": {"N": str(n)}}}},
        {"Delete": {"TableName": table, "Key": key(f"p{n - 1}")}}]}


def run(endpoint, table, workload, seconds, threads):
    latencies, errors = [], []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker(index):
        client, n, mine = Client(endpoint), 0, []
        try:
            while time.monotonic() < deadline:
                n += 1
                operation, body = workload(table, index, n)
                start = time.perf_counter()
                client.call(operation, body)
                mine.append(time.perf_counter() - start)
        except Exception as e:  # reported after the run
            errors.append(str(e))
        with lock:
            latencies.extend(mine)

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    started = time.monotonic()
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    elapsed = time.monotonic() - started
    if errors:
        raise RuntimeError(errors[0])
    latencies.sort()
    return {"requests_per_s": len(latencies) / elapsed,
            "p50_ms": 1000 * statistics.median(latencies),
            "p99_ms": 1000 * latencies[int(0.99 * (len(latencies) - 1))]}


def bench(endpoint, seconds, threads):
    client = Client(endpoint)
    table = create_table(client)
    try:
        return {name: run(endpoint, table, workload, seconds, threads)
                for name, workload in (("BatchWriteItem x25", batch_write), ("TransactWriteItems x4", transact_write))}
    finally:
        client.call("DeleteTable", {"TableName": table})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--compare", help="a second endpoint (e.g. DynamoDB Local) run with the same load")
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    results = {args.endpoint: bench(args.endpoint, args.seconds, args.threads)}
    if args.compare:
        results[args.compare] = bench(args.compare, args.seconds, args.threads)
    for endpoint, workloads in results.items():
        for name, r in workloads.items():
            print(f"{endpoint:28} {name:24} {r['requests_per_s']:9.1f} req/s  p50 {r['p50_ms']:7.2f} ms  "
                  f"p99 {r['p99_ms']:7.2f} ms")
    if args.compare:
        for name in results[args.endpoint]:
            ratio = results[args.endpoint][name]["requests_per_s"] / results[args.compare][name]["requests_per_s"]
            print(f"ratio {name:24} {ratio:6.2f}x  ({args.endpoint} / {args.compare})")


if __name__ == "__main__":
    main()
