#!/usr/bin/env python3
"""Throughput of Query (one 100-item partition, read whole) and of a full Scan (100,000 items, paged
in 1 MB pages) against a running DynamoDB-compatible server, optionally side by side with a second
one (DynamoDB Local).

    /usr/bin/python3 bench/query_scan_bench.py --endpoint http://127.0.0.1:8000 \
        [--compare http://127.0.0.1:8001] [--seconds 5] [--threads 4] [--items 100000]

Each server gets its own table (created, loaded with BatchWriteItem, then deleted). Bounded: the
load, then --seconds of Queries, then full Scans for --seconds (at least one).
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
LEK = b'"LastEvaluatedKey"'


class Client:
    """One keep-alive connection speaking DynamoDB's JSON protocol."""

    def __init__(self, endpoint):
        self.url = urllib.parse.urlparse(endpoint)
        self.conn = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=120)

    def raw(self, operation, body):
        headers = {"X-Amz-Target": "DynamoDB_20120810." + operation, "Authorization": AUTH,
                   "Content-Type": "application/x-amz-json-1.0"}
        body = body if isinstance(body, bytes) else json.dumps(body).encode()
        try:
            self.conn.request("POST", "/", body=body, headers=headers)
            resp = self.conn.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # A server may close a keep-alive connection that stayed idle (during the load).
            self.conn = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=120)
            self.conn.request("POST", "/", body=body, headers=headers)
            resp = self.conn.getresponse()
        data = resp.read()
        if resp.status != 200:
            raise RuntimeError(f"{operation}: {resp.status} {data[:300]!r}")
        return data

    def call(self, operation, body):
        return json.loads(self.raw(operation, body))


def last_evaluated_key(data):
    """The LastEvaluatedKey of a response body without decoding its items (the client stays cheap)."""
    at = data.rfind(LEK)
    if at < 0:
        return None
    value, _ = json.JSONDecoder().raw_decode(data[at + len(LEK):].lstrip(b": ").decode())
    return value


def count_of(data):
    at = data.rfind(b'"Count"')
    return int(data[at + 8:].split(b",")[0].strip(b": }"))


def create_table(client):
    name = "bench_" + uuid.uuid4().hex[:8]
    client.call("CreateTable", {"TableName": name, "BillingMode": "PAY_PER_REQUEST",
                                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                              {"AttributeName": "sk", "KeyType": "RANGE"}],
                                "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                                         {"AttributeName": "sk", "AttributeType": "N"}]})
    for _ in range(100):
        if client.call("DescribeTable", {"TableName": name})["Table"]["TableStatus"] == "ACTIVE":
            break
        time.sleep(0.1)
    return name


def load(endpoint, table, items, threads):
    """100 items in partition 'hot', then `items` items in partitions of 10 (about 120 bytes each)."""
    payload = "x" * 80
    rows = [("hot", i) for i in range(100)] + [(f"p{i // 10}", i % 10) for i in range(items)]
    batches = [rows[i:i + 25] for i in range(0, len(rows), 25)]

    def work(part):
        client = Client(endpoint)
        for batch in part:
            request = {table: [{"PutRequest": {"Item": {"pk": {"S": pk}, "sk": {"N": str(sk)}, "v": {"S": payload}}}}
                               for pk, sk in batch]}
            while request:
                request = client.call("BatchWriteItem", {"RequestItems": request}).get("UnprocessedItems") or None

    workers = [threading.Thread(target=work, args=(batches[w::threads],)) for w in range(threads)]
    started = time.monotonic()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.monotonic() - started


def run_queries(endpoint, table, seconds, threads):
    latencies = []
    lock = threading.Lock()
    body = json.dumps({"TableName": table, "KeyConditionExpression": "pk = :p",
                       "ExpressionAttributeValues": {":p": {"S": "hot"}}}).encode()  # encoded once: a cheap client

    def work():
        client = Client(endpoint)
        mine = []
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            started = time.monotonic()
            data = client.raw("Query", body)
            mine.append(time.monotonic() - started)
            assert count_of(data) == 100, data[-200:]
        with lock:
            latencies.extend(mine)

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return len(latencies) / seconds, latencies


def run_scans(endpoint, table, seconds, expected):
    client = Client(endpoint)
    durations = []
    deadline = time.monotonic() + seconds
    while not durations or time.monotonic() < deadline:
        started = time.monotonic()
        total, start = 0, None
        while True:
            body = {"TableName": table}
            if start:
                body["ExclusiveStartKey"] = start
            data = client.raw("Scan", body)
            total += count_of(data)
            start = last_evaluated_key(data)
            if not start:
                break
        durations.append(time.monotonic() - started)
        assert total == expected, (total, expected)
    return durations


def measure(endpoint, args):
    client = Client(endpoint)
    table = create_table(client)
    try:
        load_seconds = load(endpoint, table, args.items, args.threads)
        qps, latencies = run_queries(endpoint, table, args.seconds, args.threads)
        latencies.sort()
        scans = run_scans(endpoint, table, args.seconds, args.items + 100)
        return {"load_s": load_seconds, "query_per_s": qps,
                "query_p50_ms": 1000 * latencies[len(latencies) // 2],
                "query_p99_ms": 1000 * latencies[int(len(latencies) * 0.99)],
                "scan_s": statistics.median(scans), "scan_items_per_s": (args.items + 100) / statistics.median(scans)}
    finally:
        client.call("DeleteTable", {"TableName": table})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--compare")
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--items", type=int, default=100_000)
    args = parser.parse_args()
    results = [(endpoint, measure(endpoint, args)) for endpoint in [args.endpoint, args.compare] if endpoint]
    for endpoint, r in results:
        print(f"{endpoint}: load {r['load_s']:.1f} s; Query(100 items) {r['query_per_s']:.0f}/s "
              f"p50 {r['query_p50_ms']:.2f} ms p99 {r['query_p99_ms']:.2f} ms; full Scan of {args.items + 100} items "
              f"{r['scan_s']:.2f} s ({r['scan_items_per_s']:.0f} items/s)")
    if len(results) == 2:
        a, b = results[0][1], results[1][1]
        print(f"ratio (first/second): Query {a['query_per_s'] / b['query_per_s']:.1f}x, "
              f"Scan {b['scan_s'] / a['scan_s']:.1f}x")


if __name__ == "__main__":
    main()
