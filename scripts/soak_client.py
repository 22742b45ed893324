"""One soak client process: writes its own keys (soak_model) and transfers between the shared accounts
until eddy stops answering (the kill) or its time is up. It logs every write, one JSON line each,
flushed before the next request: "acked" (answered with success), "refused" (answered with the
expected failure: a stale condition, an unprocessed batch item, a cancelled transfer), "in_flight"
(no answer: the kill) or "unexpected" (an answer that should never come; the driver fails on it)."""
import json
import random
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError, ConnectionError as BotoConnectionError, HTTPClientError

from soak_model import content, key_attrs

EXPECTED_REFUSALS = {"ConditionalCheckFailedException", "TransactionCanceledException",
                     "TransactionConflictException"}


class Lost(Exception):
    """The request got no answer: eddy was killed."""


class Client:
    def __init__(self, endpoint, state, log_path, seed, items, accounts, account_count):
        self.ddb = boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1",
                                aws_access_key_id="AKIDSOAK", aws_secret_access_key="secret",
                                config=Config(retries={"total_max_attempts": 1}, connect_timeout=5, read_timeout=30))
        self.state = state  # key -> [version, present]
        self.keys = sorted(state)
        self.log = open(log_path, "w")
        self.rng = random.Random(seed)
        self.items, self.accounts, self.account_count = items, accounts, account_count

    def record(self, **entry):
        self.log.write(json.dumps(entry) + "\n")
        self.log.flush()

    def call(self, method, **kwargs):
        """The answer, or the error code of an answered failure; raises Lost when no answer came."""
        try:
            return getattr(self.ddb, method)(**kwargs), None
        except ClientError as e:
            return e.response, e.response["Error"]["Code"]
        except (BotoConnectionError, HTTPClientError) as e:
            raise Lost(repr(e))

    def settle(self, key, version, present, op, code, expected_refusal=None):
        """Logs one single-item write's outcome and, when applied, moves the key's state on."""
        if code is None:
            self.state[key] = [version, present]
            self.record(op=op, key=key, version=version, present=present, status="acked")
        elif code == expected_refusal:
            self.record(op=op, key=key, version=version, present=present, status="refused")
        else:
            self.record(op=op, key=key, version=version, present=present, status="unexpected", error=code)

    def guard(self, key):
        version, present = self.state[key]
        if present:
            return "v = :prev", {":prev": {"N": str(version)}}
        return "attribute_not_exists(pk)", {}

    def put(self, key):
        version = self.state[key][0] + 1
        self.record(op="put", key=key, version=version, present=True, status="sent")
        kwargs = {}
        if self.rng.random() < 0.5:
            condition, values = self.guard(key)
            kwargs = {"ConditionExpression": condition}
            if values:
                kwargs["ExpressionAttributeValues"] = values
        _, code = self.call("put_item", TableName=self.items, Item=content(key, version), **kwargs)
        self.settle(key, version, True, "put", code)

    def update(self, key):
        version = self.state[key][0] + 1
        item = content(key, version)
        sets = [f"#{n} = :{n}" for n in item if n not in ("pk", "sk")]
        removes = [n for n in ("g", "l") if n not in item]
        expression = "SET " + ", ".join(sets) + (" REMOVE " + ", ".join(f"#{n}" for n in removes) if removes else "")
        names = {f"#{n}": n for n in list(item) + removes if n not in ("pk", "sk")}
        values = {f":{n}": v for n, v in item.items() if n not in ("pk", "sk")}
        condition, guard_values = self.guard(key)
        values.update(guard_values)
        self.record(op="update", key=key, version=version, present=True, status="sent")
        _, code = self.call("update_item", TableName=self.items, Key=key_attrs(key), UpdateExpression=expression,
                            ConditionExpression=condition, ExpressionAttributeNames=names,
                            ExpressionAttributeValues=values)
        self.settle(key, version, True, "update", code)

    def stale_update(self, key):
        """A condition on a version the item does not hold: must be refused and change nothing."""
        version, present = self.state[key]
        condition = "v = :stale" if present else "attribute_exists(pk)"
        values = {":stale": {"N": str(version + 1000)}, ":x": {"S": "stale"}} if present else {":x": {"S": "stale"}}
        self.record(op="stale", key=key, version=version + 1, present=True, status="sent")
        _, code = self.call("update_item", TableName=self.items, Key=key_attrs(key), UpdateExpression="SET #d = :x",
                            ConditionExpression=condition, ExpressionAttributeNames={"#d": "data"},
                            ExpressionAttributeValues=values)
        if code is None:
            self.record(op="stale", key=key, version=version + 1, present=True, status="unexpected",
                        error="a stale condition was accepted")
        else:
            self.settle(key, version + 1, True, "stale", code, "ConditionalCheckFailedException")

    def delete(self, key):
        version, present = self.state[key]
        if not present:
            return self.put(key)
        self.record(op="delete", key=key, version=version + 1, present=False, status="sent")
        _, code = self.call("delete_item", TableName=self.items, Key=key_attrs(key), ConditionExpression="v = :prev",
                            ExpressionAttributeValues={":prev": {"N": str(version)}})
        self.settle(key, version + 1, False, "delete", code)

    def batch(self):
        keys = self.rng.sample(self.keys, self.rng.randint(2, 5))
        requests, planned = [], {}
        for key in keys:
            version, present = self.state[key]
            if present and self.rng.random() < 0.3:
                requests.append({"DeleteRequest": {"Key": key_attrs(key)}})
                planned[key] = (version + 1, False)
            else:
                requests.append({"PutRequest": {"Item": content(key, version + 1)}})
                planned[key] = (version + 1, True)
        for key, (version, present) in planned.items():
            self.record(op="batch", key=key, version=version, present=present, status="sent")
        answer, code = self.call("batch_write_item", RequestItems={self.items: requests})
        unprocessed = set()
        if code is None:
            for request in answer.get("UnprocessedItems", {}).get(self.items, []):
                body = request.get("PutRequest", {}).get("Item") or request["DeleteRequest"]["Key"]
                unprocessed.add(f"{body['pk']['S']}|{body['sk']['S']}")
        for key, (version, present) in planned.items():
            self.settle(key, version, present, "batch", "Unprocessed" if key in unprocessed else code, "Unprocessed")

    def transfer(self):
        a, b = self.rng.sample(range(self.account_count), 2)
        amount = {"N": str(self.rng.randint(1, 50))}
        self.record(op="transfer", status="sent")
        _, code = self.call("transact_write_items", TransactItems=[
            {"Update": {"TableName": self.accounts, "Key": {"pk": {"S": f"acct{a}"}},
                        "UpdateExpression": "SET balance = balance - :a", "ConditionExpression": "balance >= :a",
                        "ExpressionAttributeValues": {":a": amount}}},
            {"Update": {"TableName": self.accounts, "Key": {"pk": {"S": f"acct{b}"}},
                        "UpdateExpression": "SET balance = balance + :a", "ExpressionAttributeValues": {":a": amount}}}])
        if code is None:
            self.record(op="transfer", status="acked")
        elif code in EXPECTED_REFUSALS:
            self.record(op="transfer", status="refused")
        else:
            self.record(op="transfer", status="unexpected", error=code)

    def step(self):
        roll = self.rng.random()
        key = self.rng.choice(self.keys)
        if roll < 0.25:
            self.put(key)
        elif roll < 0.5:
            self.update(key)
        elif roll < 0.6:
            self.delete(key)
        elif roll < 0.65:
            self.stale_update(key)
        elif roll < 0.8:
            self.batch()
        else:
            self.transfer()


def run_client(endpoint, client_id, state, log_path, max_seconds, seed, items, accounts, account_count):
    client = Client(endpoint, state, log_path, seed, items, accounts, account_count)
    deadline = time.monotonic() + max_seconds
    try:
        while time.monotonic() < deadline:
            client.step()
    except Lost as e:
        client.record(op="lost", status="in_flight", error=str(e))
    client.log.close()
