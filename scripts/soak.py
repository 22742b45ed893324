#!/usr/bin/python3
"""The kill -9 soak (docs/reliability.md): a mixed workload from several client processes against one
eddy, killed with SIGKILL at a random moment of every cycle and restarted on the same data folder;
after every restart the invariants below are checked. A failed invariant prints what differs and
exits 1.

Each client owns its keys, so it knows every key's state: every write sets the item to the
deterministic content of (key, version), the version counting the key's writes. A write that was
answered is acknowledged; one whose answer the kill took is in flight: after the restart the item
must hold either the old or the new version, whole (never a mix), and the driver learns which.

Invariants, after every cycle:
- items: every key holds exactly the content of its last applied version (or is absent if deleted);
- indexes: a Scan of the GSI and of the LSI equals the projection of the base table, item for item;
- transfers: TransactWriteItems move amounts between accounts; the balances' sum never changes;
- stream: each key's records are exactly its applied changes, once each, in order, with the old and
  new images of those versions;
- trigger: the webhook (served here) has received every stream record at least once, in stream
  order per key.
Loopback only; every wait has a deadline; the run is bounded by CYCLES x (SECONDS + restart + checks).
"""
import argparse
import json
import multiprocessing
import os
import pathlib
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import boto3
from botocore.config import Config

from soak_checks import Checker, InvariantFailed, Webhook, fail
from soak_model import key_of
from soak_client import run_client

ITEMS = "soak_items"
ACCOUNTS = "soak_accounts"
ACCOUNT_COUNT = 20
OPENING_BALANCE = 1000
KEYS_PER_CLIENT = 30
READY_TIMEOUT_S = 30
DELIVERY_TIMEOUT_S = 60


def client(endpoint, service="dynamodb"):
    return boto3.client(service, endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="AKIDSOAK",
                        aws_secret_access_key="secret",
                        config=Config(retries={"total_max_attempts": 1}, connect_timeout=5, read_timeout=30))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Eddy:
    """The eddy process this driver started; it is killed by its own PID only."""

    def __init__(self, binary, data_dir, log_dir):
        self.binary, self.data_dir, self.log_dir = binary, data_dir, log_dir
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.proc = None
        self.starts = 0

    def start(self):
        self.starts += 1
        log = open(self.log_dir / f"eddy{self.starts}.log", "wb")
        args = [self.binary, "--host", "127.0.0.1", "--port", str(self.port), "--data-dir", str(self.data_dir),
                "--trigger-retry-seconds", "0.05", "--stream-shards", "2"]
        self.proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        deadline = time.monotonic() + READY_TIMEOUT_S
        ddb = client(self.endpoint)
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                fail(f"eddy exited with status {self.proc.returncode} at start {self.starts}; see "
                     f"{self.log_dir}/eddy{self.starts}.log")
            try:
                ddb.list_tables()
                return
            except Exception:  # not listening yet
                time.sleep(0.05)
        fail(f"eddy did not answer within {READY_TIMEOUT_S} s of start {self.starts}")

    def kill9(self):
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        if self.proc is not None:
            self.proc.wait()

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                return self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill9()
                fail("eddy did not exit within 20 s of SIGTERM")
        return self.proc.returncode if self.proc else 0


def create_tables(ddb, lam, hook_url):
    ddb.create_table(
        TableName=ITEMS, BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        AttributeDefinitions=[{"AttributeName": n, "AttributeType": t}
                              for n, t in (("pk", "S"), ("sk", "S"), ("g", "S"), ("l", "N"))],
        GlobalSecondaryIndexes=[{"IndexName": "by_g", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
                                 "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["v"]}}],
        LocalSecondaryIndexes=[{"IndexName": "by_l", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                                                   {"AttributeName": "l", "KeyType": "RANGE"}],
                                "Projection": {"ProjectionType": "ALL"}}],
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})
    ddb.update_time_to_live(TableName=ITEMS, TimeToLiveSpecification={"Enabled": True, "AttributeName": "exp"})
    ddb.create_table(TableName=ACCOUNTS, BillingMode="PAY_PER_REQUEST",
                     KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                     AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}])
    for i in range(ACCOUNT_COUNT):
        ddb.put_item(TableName=ACCOUNTS, Item={"pk": {"S": f"acct{i}"}, "balance": {"N": str(OPENING_BALANCE)}})
    arn = ddb.describe_table(TableName=ITEMS)["Table"]["LatestStreamArn"]
    mapping = lam.create_event_source_mapping(FunctionName=hook_url, EventSourceArn=arn,
                                              StartingPosition="TRIM_HORIZON", BatchSize=100)
    return arn, mapping["UUID"]


def run_cycle(eddy, args, cycle, states, work_dir, rng):
    """Starts the clients, kills eddy at a random moment, waits for the clients; returns their logs."""
    logs = [work_dir / f"cycle{cycle}-client{c}.jsonl" for c in range(args.clients)]
    procs = []
    for c in range(args.clients):
        p = multiprocessing.Process(target=run_client,
                                    args=(eddy.endpoint, c, states[c], str(logs[c]), args.seconds_per_cycle + 5,
                                          rng.randrange(1 << 30), ITEMS, ACCOUNTS, ACCOUNT_COUNT))
        p.start()
        procs.append(p)
    time.sleep(rng.uniform(0.2, args.seconds_per_cycle))
    eddy.kill9()
    for p in procs:
        p.join(timeout=60)
        if p.is_alive():
            p.kill()
            fail("a client did not stop within 60 s of the kill")
        if p.exitcode != 0:
            fail(f"a client exited with status {p.exitcode} (its log: {logs[procs.index(p)]})")
    return [[json.loads(line) for line in path.read_text().splitlines() if line] for path in logs]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cycles", nargs="?", type=int, default=10)
    parser.add_argument("--seconds-per-cycle", type=float, default=5.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--max-seconds", type=float, default=None,
                        help="start no new cycle after this many seconds (a time-boxed long run)")
    parser.add_argument("--eddy", default=str(pathlib.Path(__file__).resolve().parents[1] / "build" / "eddy"))
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    work_dir = pathlib.Path(tempfile.mkdtemp(prefix="eddy-soak-"))
    print(f"soak: {args.cycles} cycles of up to {args.seconds_per_cycle} s, {args.clients} clients, seed {seed}, "
          f"work folder {work_dir}", flush=True)
    hook = Webhook()
    eddy = Eddy(args.eddy, work_dir / "data", work_dir)
    started = time.monotonic()
    ok = False
    try:
        eddy.start()
        ddb = client(eddy.endpoint)
        arn, mapping = create_tables(ddb, client(eddy.endpoint, "lambda"), hook.url + "/hook")
        checker = Checker(ITEMS, ACCOUNTS, ACCOUNT_COUNT * OPENING_BALANCE, hook)
        states = [{key_of(c, j): [0, False] for j in range(KEYS_PER_CLIENT)} for c in range(args.clients)]
        totals = {"acked": 0, "in_flight": 0, "unsent": 0, "applied_in_flight": 0, "transfers": 0}
        cycles = 0
        for cycle in range(1, args.cycles + 1):
            if args.max_seconds is not None and time.monotonic() - started > args.max_seconds:
                break
            cycles = cycle
            t0 = time.monotonic()
            logs = run_cycle(eddy, args, cycle, states, work_dir, rng)
            eddy.start()
            ddb = client(eddy.endpoint)
            stats = checker.absorb(ddb, logs, states)
            checker.check(ddb, client(eddy.endpoint, "dynamodbstreams"), arn)
            checker.check_trigger(eddy.endpoint, mapping, DELIVERY_TIMEOUT_S)
            for k, v in stats.items():
                totals[k] += v
            print(f"cycle {cycle}: {stats['acked']} acknowledged writes, {stats['in_flight']} in flight at the kill "
                  f"({stats['applied_in_flight']} applied), {stats['unsent']} refused connections, "
                  f"{stats['transfers']} transfers; "
                  f"{checker.stream_records} stream records, {checker.deliveries} deliveries so far; "
                  f"invariants hold ({time.monotonic() - t0:.1f} s)", flush=True)
        status = eddy.stop()
        if status != 0:
            fail(f"eddy exited with status {status} after SIGTERM")
        print(f"soak passed: {cycles} kill -9 cycles in {time.monotonic() - started:.0f} s; "
              f"{totals['acked']} acknowledged writes, {totals['in_flight']} in flight at a kill "
              f"({totals['applied_in_flight']} applied), {totals['transfers']} transfers, "
              f"{checker.stream_records} stream records, {checker.deliveries} webhook records delivered", flush=True)
        ok = True
    finally:
        eddy.kill9()
        hook.close()
        if ok and not args.keep:
            shutil.rmtree(work_dir, ignore_errors=True)
        elif not ok:
            print(f"soak: the work folder {work_dir} holds eddy's logs and the clients' logs", file=sys.stderr)


if __name__ == "__main__":
    try:
        main()
    except InvariantFailed:
        sys.exit(1)
