"""Concurrency invariants under load (docs/reliability.md): transactions racing single-item writes on
the same items lose no update, a GSI added while writes run ends complete and exact, and DeleteTable
during writes ends every write with ResourceNotFoundException and leaves nothing behind for a table
made again with the name. Each thread has its own boto3 client that never retries on its own (a
retried write would hide or double an outcome); every thread's work is bounded in count and time.
"""
import random
import threading
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

DEADLINE_S = 20


def single_try_client(endpoint):
    return boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="AKIDEXAMPLE",
                        aws_secret_access_key="secret",
                        config=Config(retries={"total_max_attempts": 1}, connect_timeout=10, read_timeout=60))


def code_of(error):
    return error.response["Error"]["Code"]


def poll(condition, what):
    """Polls condition() (real time, with a deadline) until it is true."""
    deadline = time.monotonic() + DEADLINE_S
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.01)


def run_threads(works):
    """Runs each callable in its own thread; fails with every thread's exception."""
    errors = []

    def guarded(work):
        try:
            work()
        except Exception as e:  # reported below
            errors.append(repr(e))

    threads = [threading.Thread(target=guarded, args=(w,)) for w in works]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=DEADLINE_S * 3)
    assert not any(t.is_alive() for t in threads), "a thread did not finish"
    assert not errors, errors


def scan_all(ddb, **kwargs):
    items, start = [], None
    while True:
        page = ddb.scan(**kwargs, **({"ExclusiveStartKey": start} if start else {}))
        items += page["Items"]
        start = page.get("LastEvaluatedKey")
        if not start:
            return items


def canonical(items):
    return sorted(repr(sorted(item.items())) for item in items)


ACCOUNTS = 6
OPENING = 1000
ROUNDS = 150


def test_transactions_against_single_item_writes_lose_no_update(endpoint, ddb, make_table):
    """Transfers by TransactWriteItems conserve the sum; conditional read-modify-write increments on the
    same items add one each when they succeed. Any lost update (a transaction writing over an increment
    or the reverse) makes the final sum differ from the opening sum plus the successful increments."""
    table = make_table("pk:S")
    for i in range(ACCOUNTS):
        ddb.put_item(TableName=table, Item={"pk": {"S": f"a{i}"}, "balance": {"N": str(OPENING)}})
    outcomes = {"transfers": 0, "increments": 0, "cancelled": 0, "conflicts": 0, "stale": 0}
    lock = threading.Lock()

    def count(what):
        with lock:
            outcomes[what] += 1

    def transfers(seed):
        client, rng = single_try_client(endpoint), random.Random(seed)
        deadline = time.monotonic() + DEADLINE_S
        for _ in range(ROUNDS):
            if time.monotonic() > deadline:
                break
            a, b = rng.sample(range(ACCOUNTS), 2)
            amount = {"N": str(rng.randint(1, 20))}
            try:
                client.transact_write_items(TransactItems=[
                    {"Update": {"TableName": table, "Key": {"pk": {"S": f"a{a}"}},
                                "UpdateExpression": "SET balance = balance - :x", "ConditionExpression": "balance >= :x",
                                "ExpressionAttributeValues": {":x": amount}}},
                    {"Update": {"TableName": table, "Key": {"pk": {"S": f"a{b}"}},
                                "UpdateExpression": "SET balance = balance + :x",
                                "ExpressionAttributeValues": {":x": amount}}}])
                count("transfers")
            except ClientError as e:
                assert code_of(e) in ("TransactionCanceledException", "TransactionConflictException"), e.response
                count("cancelled")

    def increments(seed):
        client, rng = single_try_client(endpoint), random.Random(seed)
        deadline = time.monotonic() + DEADLINE_S
        for _ in range(ROUNDS):
            if time.monotonic() > deadline:
                break
            key = {"pk": {"S": f"a{rng.randrange(ACCOUNTS)}"}}
            seen = client.get_item(TableName=table, Key=key, ConsistentRead=True)["Item"]["balance"]
            try:
                client.update_item(TableName=table, Key=key, UpdateExpression="SET balance = :new",
                                   ConditionExpression="balance = :seen",
                                   ExpressionAttributeValues={":seen": seen, ":new": {"N": str(int(seen["N"]) + 1)}})
                count("increments")
            except ClientError as e:
                if code_of(e) == "TransactionConflictException":
                    count("conflicts")
                else:
                    assert code_of(e) == "ConditionalCheckFailedException", e.response
                    count("stale")

    run_threads([lambda s=s: transfers(s) for s in range(3)] + [lambda s=s: increments(100 + s) for s in range(3)])
    balances = [int(i["balance"]["N"]) for i in scan_all(ddb, TableName=table, ConsistentRead=True)]
    assert len(balances) == ACCOUNTS
    assert min(balances) >= 0, balances
    assert sum(balances) == ACCOUNTS * OPENING + outcomes["increments"], (balances, outcomes)
    assert outcomes["transfers"] > 0 and outcomes["increments"] > 0, outcomes


def wait_index_active(ddb, table, index, timeout=DEADLINE_S):
    deadline = time.monotonic() + timeout
    while True:
        indexes = ddb.describe_table(TableName=table)["Table"].get("GlobalSecondaryIndexes", [])
        status = next((i["IndexStatus"] for i in indexes if i["IndexName"] == index), None)
        if status == "ACTIVE":
            return
        assert time.monotonic() < deadline, f"{index} still {status} after {timeout} s"
        time.sleep(0.05)


def test_gsi_added_while_writes_run_ends_complete_and_exact(endpoint, ddb, make_table):
    """Writers put, overwrite and delete items (some without the index key) before, during and after
    UpdateTable adds a GSI; once ACTIVE and the writers stopped, a Scan of the index is exactly the
    projection of the base table."""
    table = make_table("pk:S")
    for i in range(300):
        ddb.put_item(TableName=table, Item={"pk": {"S": f"k{i}"}, "g": {"S": f"g{i % 7}"}, "n": {"N": str(i)}})
    stop = threading.Event()
    writes = [0]

    def writer(seed):
        client, rng = single_try_client(endpoint), random.Random(seed)
        deadline = time.monotonic() + DEADLINE_S
        while not stop.is_set() and time.monotonic() < deadline:
            key = f"k{rng.randrange(400)}"
            if rng.random() < 0.2:
                client.delete_item(TableName=table, Key={"pk": {"S": key}})
            else:
                item = {"pk": {"S": key}, "n": {"N": str(rng.randrange(10**6))}}
                if rng.random() < 0.8:
                    item["g"] = {"S": f"g{rng.randrange(7)}"}
                client.put_item(TableName=table, Item=item)
            writes[0] += 1

    def add_index():
        poll(lambda: writes[0] >= 30, "the writers to be under way")
        ddb.update_table(TableName=table, AttributeDefinitions=[{"AttributeName": "g", "AttributeType": "S"}],
                         GlobalSecondaryIndexUpdates=[{"Create": {
                             "IndexName": "by_g", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
                             "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["n"]}}}])
        wait_index_active(ddb, table, "by_g")
        active_at = writes[0]
        poll(lambda: writes[0] >= active_at + 30, "writes against the ACTIVE index")
        stop.set()

    run_threads([lambda s=s: writer(s) for s in range(3)] + [add_index])
    assert writes[0] > 0
    base = scan_all(ddb, TableName=table, ConsistentRead=True)
    expected = [{n: item[n] for n in ("pk", "g", "n")} for item in base if "g" in item]
    assert canonical(scan_all(ddb, TableName=table, IndexName="by_g")) == canonical(expected)


def test_delete_table_during_writes(endpoint, ddb, make_table):
    """Writes race DeleteTable: each is acknowledged or ResourceNotFoundException; every write started
    after the table is gone is ResourceNotFoundException; eddy keeps serving; the name made again
    starts empty, its index too."""
    gsi = [{"IndexName": "by_g", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
            "Projection": {"ProjectionType": "ALL"}}]
    definitions = [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "g", "AttributeType": "S"}]
    table = make_table("pk:S", AttributeDefinitions=definitions, GlobalSecondaryIndexes=gsi)
    gone_at = [None]
    outcomes = []
    lock = threading.Lock()

    def writer(seed):
        client, rng = single_try_client(endpoint), random.Random(seed)
        deadline = time.monotonic() + DEADLINE_S
        after_gone = 0
        while after_gone < 20 and time.monotonic() < deadline:
            started = time.monotonic()
            item = {"pk": {"S": f"k{rng.randrange(10**6)}"}, "g": {"S": "x"}}
            try:
                if rng.random() < 0.5:
                    client.put_item(TableName=table, Item=item)
                else:
                    client.batch_write_item(RequestItems={table: [{"PutRequest": {"Item": item}}]})
                code = "ok"
            except ClientError as e:
                code = code_of(e)
            with lock:
                outcomes.append((started, code))
                if gone_at[0] is not None and started > gone_at[0]:
                    after_gone += 1

    def delete():
        poll(lambda: len(outcomes) >= 30, "the writers to be under way")
        ddb.delete_table(TableName=table)
        deadline = time.monotonic() + DEADLINE_S
        while True:
            try:
                ddb.describe_table(TableName=table)
            except ClientError as e:
                assert code_of(e) == "ResourceNotFoundException"
                break
            assert time.monotonic() < deadline, "the table is still there"
            time.sleep(0.02)
        with lock:
            gone_at[0] = time.monotonic()

    run_threads([lambda s=s: writer(s) for s in range(3)] + [delete])
    assert {code for _, code in outcomes} <= {"ok", "ResourceNotFoundException"}, set(c for _, c in outcomes)
    assert any(code == "ok" for _, code in outcomes)
    late = [code for started, code in outcomes if started > gone_at[0]]
    assert len(late) >= 60 and set(late) == {"ResourceNotFoundException"}, late[:10]
    assert table not in ddb.list_tables()["TableNames"]
    ddb.create_table(TableName=table, KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                     AttributeDefinitions=definitions, GlobalSecondaryIndexes=gsi, BillingMode="PAY_PER_REQUEST")
    assert scan_all(ddb, TableName=table, ConsistentRead=True) == []
    assert scan_all(ddb, TableName=table, IndexName="by_g") == []
