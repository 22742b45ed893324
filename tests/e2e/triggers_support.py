"""Helpers shared by the triggers tests (no tests here).

FunctionHost stands in for Lambda's Invoke API (what the Runtime Interface Emulator or
`sam local start-lambda` serve): an HTTP server on loopback that takes
`POST /2015-03-31/functions/<name>/invocations` (and any other path, for webhooks), keeps every
invocation, and answers with what the test scripted for that function (by default 200 and `null`).
Tests wait for invocations with wait_for(), which polls with a deadline; nothing sleeps.
"""
import http.server
import json
import threading
import time
import uuid

import boto3
from botocore.config import Config

INVOKE_PREFIX = "/2015-03-31/functions/"
DEADLINE_S = 15


def lambda_client(endpoint):
    return boto3.client("lambda", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret",
                        config=Config(retries={"max_attempts": 1}, connect_timeout=10, read_timeout=60))


def new_name(prefix="f"):
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


class Invocation:
    def __init__(self, path, headers, body):
        self.path = path
        self.headers = headers
        self.raw = body
        self.event = json.loads(body) if body else None

    @property
    def function(self):
        if self.path.startswith(INVOKE_PREFIX):
            return self.path[len(INVOKE_PREFIX):].split("/")[0]
        return self.path

    @property
    def records(self):
        return self.event.get("Records", []) if isinstance(self.event, dict) else []

    def keys(self, attr="pk"):
        return [r["dynamodb"]["Keys"][attr]["S"] for r in self.records]


class FunctionHost:
    """Lambda's Invoke API on a loopback port. `respond[name] = fn(invocation) -> (status, headers, body)`
    scripts a function's answers; the default answers 200 with `null`."""

    def __init__(self):
        self.invocations = []
        self.respond = {}
        self.lock = threading.Condition()
        host = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length).decode()
                invocation = Invocation(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                with host.lock:
                    host.invocations.append(invocation)
                    host.lock.notify_all()
                responder = host.respond.get(invocation.function, host.default_answer)
                status, headers, answer = responder(invocation)
                data = answer.encode() if isinstance(answer, str) else json.dumps(answer).encode()
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @staticmethod
    def default_answer(invocation):
        return 200, {}, "null"

    def of(self, function):
        with self.lock:
            return [i for i in self.invocations if i.function == function]

    def records_of(self, function):
        return [r for i in self.of(function) for r in i.records]

    def wait_for(self, condition, what="the condition", timeout=DEADLINE_S):
        """Waits (real time, with a deadline) until condition() is truthy; returns its value."""
        deadline = time.monotonic() + timeout
        with self.lock:
            while True:
                value = condition()
                if value:
                    return value
                left = deadline - time.monotonic()
                assert left > 0, f"timed out waiting for {what}; invocations: {[i.raw for i in self.invocations]}"
                self.lock.wait(min(left, 0.1))

    def wait_records(self, function, count, timeout=DEADLINE_S):
        return self.wait_for(lambda: len(self.records_of(function)) >= count and self.records_of(function),
                             f"{count} records for {function}", timeout)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def poll(condition, what="the condition", timeout=DEADLINE_S):
    """Polls condition() (real time, with a deadline) until it is truthy; returns its value."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def stream_table(ddb, view_type="NEW_AND_OLD_IMAGES", name=None):
    name = name or new_name("t")
    desc = ddb.create_table(TableName=name, KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                            BillingMode="PAY_PER_REQUEST",
                            StreamSpecification={"StreamEnabled": True, "StreamViewType": view_type})
    return name, desc["TableDescription"]["LatestStreamArn"]


def put(ddb, table, pk, **attrs):
    item = {"pk": {"S": pk}}
    for name, value in attrs.items():
        item[name] = {"N": str(value)} if isinstance(value, (int, float)) else {"S": value}
    ddb.put_item(TableName=table, Item=item)




def list_raw(endpoint, event_source_arn=None):
    """ListEventSourceMappings as the wire has it (boto3 drops eddy's EddyProgress member)."""
    import json as _json
    import urllib.parse
    import urllib.request
    query = "?" + urllib.parse.urlencode({"EventSourceArn": event_source_arn}) if event_source_arn else ""
    request = urllib.request.Request(
        f"{endpoint}/2015-03-31/event-source-mappings/{query}",
        headers={"Authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/lambda/aws4_request, "
                                  "SignedHeaders=host, Signature=0000"})
    with urllib.request.urlopen(request, timeout=30) as resp:
        return _json.loads(resp.read())["EventSourceMappings"]


def settled(endpoint, event_source_arn):
    """Every mapping of the stream reads its shards, has acknowledged every record and is not delivering."""
    for m in list_raw(endpoint, event_source_arn):
        progress = m["EddyProgress"]
        if not progress["Shards"] or progress["LagRecords"] != 0 or progress["Busy"]:
            return False
    return True
