#!/usr/bin/python3
"""Does `--in-memory` grow with the data or with the writes? Starts build/eddy --in-memory on a free
loopback port, writes --items items of about 200 bytes (BatchWriteItem of 25, --threads keep-alive
connections), then overwrites every one of them --overwrites times with new values of the same
size, and prints eddy's resident memory after each pass against the live data (the items' billed
size, from DescribeTable). Bounded: --max-seconds in all (a pass cut short says so).

    /usr/bin/python3 bench/in_memory_overwrites.py --eddy build/eddy --items 1000000
"""
import argparse
import http.client
import json
import pathlib
import socket
import subprocess
import sys
import threading
import time

HEADERS = {"Content-Type": "application/x-amz-json-1.0",
           "Authorization": "AWS4-HMAC-SHA256 Credential=a/20260101/us-east-1/dynamodb/aws4_request, "
                            "SignedHeaders=host, Signature=0",
           "X-Amz-Date": "20260101T000000Z"}
TABLE = "overwrites"
PORT = [0]


def resident_mb(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def call(conn, target, body):
    """One request; conn None: on a connection of its own (eddy closes one idle for 60 s)."""
    if conn is None:
        conn = http.client.HTTPConnection("127.0.0.1", PORT[0], timeout=60)
    conn.request("POST", "/", body=json.dumps(body), headers=dict(HEADERS, **{"X-Amz-Target": "DynamoDB_20120810." + target}))
    resp = conn.getresponse()
    data = json.loads(resp.read())
    if resp.status != 200:
        raise RuntimeError(f"{target}: {resp.status} {data}")
    return data


def item(key, round_):
    # About 200 bytes billed: the key, a 160-byte payload that changes each round, a number.
    return {"pk": {"S": f"item-{key:08d}"}, "payload": {"S": (f"{round_:04d}" * 40)},
            "n": {"N": str(key * 7 + round_)}}


def write_pass(port, items, round_, threads, deadline):
    """Writes keys [0, items) with round_'s values; the number written before the deadline."""
    written = [0] * threads

    def worker(index):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for start in range(index * 25, items, threads * 25):
            if time.monotonic() > deadline:
                break
            requests = [{"PutRequest": {"Item": item(k, round_)}} for k in range(start, min(start + 25, items))]
            pending = {TABLE: requests}
            while pending:
                pending = call(conn, "BatchWriteItem", {"RequestItems": pending}).get("UnprocessedItems") or {}
            written[index] += len(requests)
        conn.close()

    workers = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return sum(written)


def scan_everything(pid, deadline):
    """A full-table Scan, page after page: eddy's resident memory must not grow with the table."""
    before = resident_mb(pid)
    peak, pages, count, start = before, 0, 0, None
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", PORT[0], timeout=60)
    while time.monotonic() < deadline:
        body = {"TableName": TABLE}
        if start is not None:
            body["ExclusiveStartKey"] = start
        page = call(conn, "Scan", body)
        pages += 1
        count += page["Count"]
        peak = max(peak, resident_mb(pid))
        start = page.get("LastEvaluatedKey")
        if start is None:
            break
    print(f"full Scan: {count} items in {pages} pages, {time.monotonic() - started:.0f} s; eddy resident "
          f"{before:.0f} MB before, at most {peak:.0f} MB during it")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--eddy", default="build/eddy")
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--overwrites", type=int, default=1)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--max-seconds", type=float, default=600)
    args = parser.parse_args()
    deadline = time.monotonic() + args.max_seconds
    port = free_port()
    PORT[0] = port
    eddy = subprocess.Popen([args.eddy, "--in-memory", "--host", "127.0.0.1", "--port", str(port),
                             "--log-level", "warn"], stdin=subprocess.DEVNULL)
    try:
        while True:
            try:
                call(None, "ListTables", {})
                break
            except OSError:
                time.sleep(0.05)
        call(None, "CreateTable", {"TableName": TABLE, "BillingMode": "PAY_PER_REQUEST",
                                   "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                                   "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]})
        print(f"eddy resident at start: {resident_mb(eddy.pid):.0f} MB")
        for round_ in range(args.overwrites + 1):
            started = time.monotonic()
            written = write_pass(port, args.items, round_, args.threads, deadline)
            seconds = time.monotonic() - started
            table = call(None, "DescribeTable", {"TableName": TABLE})["Table"]
            live_mb = table["TableSizeBytes"] / 1e6
            rss = resident_mb(eddy.pid)
            what = "write" if round_ == 0 else f"overwrite {round_}"
            print(f"{what}: {written} items in {seconds:.0f} s ({written / max(seconds, 1e-9):.0f}/s); "
                  f"live data {live_mb:.0f} MB ({table['ItemCount']} items); eddy resident {rss:.0f} MB "
                  f"= {rss / max(live_mb, 1e-9):.2f}x the live data"
                  + ("" if written == args.items else " (cut short by --max-seconds)"))
            if written < args.items:
                break
        time.sleep(5)  # compactions finish
        print(f"eddy resident 5 s later: {resident_mb(eddy.pid):.0f} MB")
        scan_everything(eddy.pid, deadline)
    finally:
        eddy.terminate()
        eddy.wait(timeout=60)
    return 0


if __name__ == "__main__":
    sys.exit(main())
