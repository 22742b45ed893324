"""Isolation and durability of transactions: concurrent transfers never let a reader see half a
transaction, concurrent transactions on one item either commit or are cancelled (never lost), and an
acknowledged transaction survives a kill -9 restart. Load is bounded: a few seconds, a few threads.
"""
import random
import threading
import time
import uuid

import pytest

from conftest import make_client
from e2e_helpers import raw_request, target

ACCOUNTS = 8
START_BALANCE = 100
RUN_SECONDS = 3
ALLOWED_CANCEL_CODES = {"None", "ConditionalCheckFailed", "TransactionConflict"}


def s(value):
    return {"S": value}


def account_key(i):
    return {"pk": s(f"acct{i}")}


class Failures:
    """Collects what worker threads saw wrong, so the test thread can report it."""

    def __init__(self):
        self.lock = threading.Lock()
        self.items = []

    def add(self, text):
        with self.lock:
            self.items.append(text)


def transfer(table, source, target_account, amount):
    return {"TransactItems": [
        {"Update": {"TableName": table, "Key": account_key(source), "UpdateExpression": "SET balance = balance - :x",
                    "ConditionExpression": "balance >= :x", "ExpressionAttributeValues": {":x": {"N": str(amount)}}}},
        {"Update": {"TableName": table, "Key": account_key(target_account),
                    "UpdateExpression": "SET balance = balance + :x",
                    "ExpressionAttributeValues": {":x": {"N": str(amount)}}}}]}


def cancellation_codes(resp):
    return {reason["Code"] for reason in resp.json.get("CancellationReasons", [])}


def test_readers_never_see_half_a_transfer(ddb, make_table):
    table = make_table("pk:S")
    for i in range(ACCOUNTS):
        ddb.put_item(TableName=table, Item={"pk": s(f"acct{i}"), "balance": {"N": str(START_BALANCE)}})
    endpoint = target.endpoint
    stop = time.monotonic() + RUN_SECONDS
    failures = Failures()
    counts = {"committed": 0, "cancelled": 0, "reads": 0}
    counts_lock = threading.Lock()

    def writer(seed):
        rng = random.Random(seed)
        while time.monotonic() < stop:
            a, b = rng.sample(range(ACCOUNTS), 2)
            resp = raw_request(endpoint, "TransactWriteItems", transfer(table, a, b, rng.randint(1, 30)))
            if resp.status == 200:
                outcome = "committed"
            elif resp.json and resp.json.get("__type", "").endswith("TransactionCanceledException") \
                    and cancellation_codes(resp) <= ALLOWED_CANCEL_CODES:
                outcome = "cancelled"
            else:
                failures.add(f"transfer answered {resp!r}")
                return
            with counts_lock:
                counts[outcome] += 1

    def reader():
        gets = {"TransactItems": [{"Get": {"TableName": table, "Key": account_key(i)}} for i in range(ACCOUNTS)]}
        while time.monotonic() < stop:
            resp = raw_request(endpoint, "TransactGetItems", gets)
            if resp.status != 200:
                if cancellation_codes(resp) <= ALLOWED_CANCEL_CODES and resp.status == 400:
                    continue  # DynamoDB may cancel a read that meets an in-flight write
                failures.add(f"read answered {resp!r}")
                return
            balances = [int(r["Item"]["balance"]["N"]) for r in resp.json["Responses"]]
            if sum(balances) != ACCOUNTS * START_BALANCE or min(balances) < 0:
                failures.add(f"read saw balances {balances}")
                return
            with counts_lock:
                counts["reads"] += 1

    threads = [threading.Thread(target=writer, args=(seed,)) for seed in range(4)]
    threads += [threading.Thread(target=reader) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=RUN_SECONDS + 30)
    assert not failures.items, failures.items[:3]
    assert counts["committed"] > 0 and counts["reads"] > 0, counts
    final = [int(ddb.get_item(TableName=table, Key=account_key(i), ConsistentRead=True)["Item"]["balance"]["N"])
             for i in range(ACCOUNTS)]
    assert sum(final) == ACCOUNTS * START_BALANCE


def test_concurrent_transactions_on_one_item_commit_or_cancel(ddb, make_table):
    """Every increment either commits (and is counted exactly once) or is cancelled with a reason."""
    table = make_table("pk:S")
    endpoint = target.endpoint
    committed = []
    failures = Failures()

    def worker(worker_id):
        for attempt in range(15):
            marker = f"w{worker_id}-{attempt}"
            resp = raw_request(endpoint, "TransactWriteItems", {"TransactItems": [
                {"Update": {"TableName": table, "Key": {"pk": s("counter")}, "UpdateExpression": "ADD c :one",
                            "ExpressionAttributeValues": {":one": {"N": "1"}}}},
                {"Put": {"TableName": table, "Item": {"pk": s(marker)}}}]})
            if resp.status == 200:
                committed.append(marker)
            elif not (resp.json and cancellation_codes(resp) and cancellation_codes(resp) <= ALLOWED_CANCEL_CODES):
                failures.add(f"increment answered {resp!r}")
                return

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures.items, failures.items[:3]
    counter = ddb.get_item(TableName=table, Key={"pk": s("counter")}, ConsistentRead=True)["Item"]
    assert int(counter["c"]["N"]) == len(committed) > 0
    for marker in committed:
        assert "Item" in ddb.get_item(TableName=table, Key={"pk": s(marker)}, ConsistentRead=True)


@pytest.mark.eddy_only
def test_acknowledged_transaction_survives_kill_9(eddy_server):
    data_dir = eddy_server.new_dir()
    first = eddy_server(data_dir=data_dir)
    client = make_client(first.endpoint)
    table = f"t_{uuid.uuid4().hex[:8]}"
    client.create_table(TableName=table, BillingMode="PAY_PER_REQUEST",
                        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}])
    client.put_item(TableName=table, Item={"pk": s("gone")})
    client.transact_write_items(TransactItems=[
        {"Put": {"TableName": table, "Item": {"pk": s("kept"), "v": s("1")}}},
        {"Update": {"TableName": table, "Key": {"pk": s("counter")}, "UpdateExpression": "ADD c :one",
                    "ExpressionAttributeValues": {":one": {"N": "1"}}}},
        {"Delete": {"TableName": table, "Key": {"pk": s("gone")}}}])
    first.kill9()
    second = eddy_server(data_dir=data_dir)
    client = make_client(second.endpoint)
    got = client.transact_get_items(TransactItems=[
        {"Get": {"TableName": table, "Key": {"pk": s(name)}}} for name in ("kept", "counter", "gone")])["Responses"]
    assert got[0]["Item"] == {"pk": s("kept"), "v": s("1")}
    assert got[1]["Item"] == {"pk": s("counter"), "c": {"N": "1"}}
    assert got[2] == {}
