#!/usr/bin/python3
"""Does eddy grow with the data or with the writes? Starts build/eddy --in-memory (or, with
--data-dir, on disk in that new folder) on a free loopback port, writes --items items of about 200
bytes (BatchWriteItem of 25, --threads keep-alive connections), then overwrites every one of them
--overwrites times with new values of the same size, and prints eddy's resident memory (and on disk
the data folder's size) after each pass against the live data (the items' billed size, from
DescribeTable); then a full-table Scan, page after page, with eddy's resident memory during it.
On disk it restarts eddy at the end and prints the folder again once RocksDB's compactions are done.
Bounded: --max-seconds in all (a pass cut short says so).

    /usr/bin/python3 bench/in_memory_overwrites.py --eddy build/eddy --items 1000000
    /usr/bin/python3 bench/in_memory_overwrites.py --eddy build/eddy --items 2000000 --data-dir /tmp/eddy-scan
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


def folder_mb(folder):
    """The data folder's size: every file under it (the snapshots folder too, none here)."""
    return sum(f.stat().st_size for f in pathlib.Path(folder).rglob("*") if f.is_file()) / 1e6


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
    parser.add_argument("--data-dir", help="on disk in this folder, which must not exist yet (Default: --in-memory)")
    args = parser.parse_args()
    deadline = time.monotonic() + args.max_seconds
    port = free_port()
    PORT[0] = port
    if args.data_dir and pathlib.Path(args.data_dir).exists():
        sys.exit(f"{args.data_dir} exists: give a new folder")
    storage = ["--data-dir", args.data_dir] if args.data_dir else ["--in-memory"]
    command = [args.eddy, *storage, "--host", "127.0.0.1", "--port", str(port), "--log-level", "warn"]
    eddy = start(command)
    try:
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
            on_disk = (f"; data folder {folder_mb(args.data_dir):.0f} MB = "
                       f"{folder_mb(args.data_dir) / max(live_mb, 1e-9):.2f}x") if args.data_dir else ""
            print(f"{what}: {written} items in {seconds:.0f} s ({written / max(seconds, 1e-9):.0f}/s); "
                  f"live data {live_mb:.0f} MB ({table['ItemCount']} items); eddy resident {rss:.0f} MB "
                  f"= {rss / max(live_mb, 1e-9):.2f}x the live data{on_disk}"
                  + ("" if written == args.items else " (cut short by --max-seconds)"))
            if written < args.items:
                break
        time.sleep(5)  # compactions finish
        print(f"eddy resident 5 s later: {resident_mb(eddy.pid):.0f} MB")
        scan_everything(eddy.pid, deadline)
        if args.data_dir:
            eddy.terminate()
            eddy.wait(timeout=60)
            print(f"data folder after a clean stop: {folder_mb(args.data_dir):.0f} MB")
            eddy = start(command)
            settle_compactions(args.data_dir, deadline)
            print(f"data folder after a restart and its compactions: {folder_mb(args.data_dir):.0f} MB = "
                  f"{folder_mb(args.data_dir) / max(live_mb, 1e-9):.2f}x the live data; eddy resident "
                  f"{resident_mb(eddy.pid):.0f} MB")
    finally:
        eddy.terminate()
        eddy.wait(timeout=60)
    return 0


def start(command):
    """Starts eddy and waits until it answers (bounded by a 60 s deadline)."""
    eddy = subprocess.Popen(command, stdin=subprocess.DEVNULL)
    ready_by = time.monotonic() + 60
    while True:
        try:
            call(None, "ListTables", {})
            return eddy
        except OSError:
            if time.monotonic() > ready_by or eddy.poll() is not None:
                eddy.kill()
                raise RuntimeError("eddy did not start")
            time.sleep(0.05)


def settle_compactions(folder, deadline):
    """Waits until the folder's size has not changed for 5 s (RocksDB compacting in the background)."""
    last, steady_since = None, time.monotonic()
    while time.monotonic() < deadline:
        size = folder_mb(folder)
        if size != last:
            last, steady_since = size, time.monotonic()
        elif time.monotonic() - steady_since >= 5:
            return
        time.sleep(0.5)


if __name__ == "__main__":
    sys.exit(main())
