"""Shared helpers of eddy's end-to-end suite: error assertions and the raw HTTP client.

Tests compare errors with DynamoDB's exact `__type` short name and message. Amazon's DynamoDB Local
(the reference these tests are proven against) words some errors differently from DynamoDB itself;
there a test passes `local=` with DynamoDB Local's answer, and `target.is_dynamodb_local` picks it.
"""
import http.client
import json
import urllib.parse

import pytest
from botocore.exceptions import ClientError

DUMMY_AUTH = ("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/dynamodb/aws4_request, "
              "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000")
TARGET_PREFIX = "DynamoDB_20120810."


class Target:
    """What the suite is talking to; filled in once per session by conftest."""
    endpoint = None
    is_dynamodb_local = False


target = Target()


class RawResponse:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = {k.lower(): v for k, v in headers}
        self.body = body
        self.text = body.decode("utf-8", errors="replace")
        try:
            self.json = json.loads(self.text) if self.text else None
        except ValueError:
            self.json = None

    def __repr__(self):
        return f"RawResponse({self.status}, {self.text[:300]!r})"


def raw_request(endpoint, target_name, body, headers=None, method="POST", path="/", connection=None):
    """POSTs one DynamoDB JSON request; `headers` values of None remove a default header."""
    url = urllib.parse.urlparse(endpoint)
    all_headers = {"Content-Type": "application/x-amz-json-1.0", "Authorization": DUMMY_AUTH,
                   "X-Amz-Date": "20260101T000000Z"}
    if target_name is not None:
        all_headers["X-Amz-Target"] = target_name if "." in target_name else TARGET_PREFIX + target_name
    all_headers.update(headers or {})
    all_headers = {k: v for k, v in all_headers.items() if v is not None}
    if isinstance(body, (dict, list)):
        body = json.dumps(body)
    if isinstance(body, str):
        body = body.encode("utf-8")
    conn = connection or http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=all_headers)
        resp = conn.getresponse()
        return RawResponse(resp.status, resp.getheaders(), resp.read())
    finally:
        if connection is None:
            conn.close()


def error_of(obj):
    """(code, message) of a ClientError, pytest ExceptionInfo or RawResponse."""
    if isinstance(obj, pytest.ExceptionInfo):
        obj = obj.value
    if isinstance(obj, ClientError):
        err = obj.response.get("Error", {})
        return err.get("Code"), err.get("Message")
    if isinstance(obj, RawResponse):
        assert obj.status >= 400, f"expected an error, got {obj!r}"
        assert obj.json is not None, f"error body is not JSON: {obj!r}"
        type_name = obj.json.get("__type", "")
        # Only the part after '#' is compared: namespaces differ between DynamoDB and DynamoDB Local.
        message = obj.json.get("message", obj.json.get("Message"))
        return type_name.split("#")[-1], message
    raise TypeError(f"not an error: {obj!r}")


def assert_error(obj, code, message, local=None):
    """Asserts the error's code and exact message (message None: not compared).

    local: DynamoDB Local's differing answer, either a message or a (code, message) pair; used only
    when the suite runs against DynamoDB Local.
    """
    if target.is_dynamodb_local and local is not None:
        code, message = local if isinstance(local, tuple) else (code, local)
    got_code, got_message = error_of(obj)
    assert got_code == code, f"error code {got_code!r} (message {got_message!r}), expected {code!r}"
    if message is not None:
        assert got_message == message, f"{code}: message {got_message!r}, expected {message!r}"


def constraint(value, member, text):
    """One 'Value ... at ... failed to satisfy constraint' clause of DynamoDB's validation messages."""
    shown = "null" if value is None else f"'{value}'"
    return f"Value {shown} at '{member}' failed to satisfy constraint: {text}"


def validation_errors(*clauses):
    """DynamoDB's "N validation error(s) detected: a; b" message."""
    n = len(clauses)
    return f"{n} validation error{'s' if n > 1 else ''} detected: " + "; ".join(clauses)


def wait_until_healthy(server, timeout=10, ssl_context=None):
    """Polls eddy's GET health check (which needs no credentials) until it answers 200; for servers
    started with --credentials or --tls-cert, which the ListTables readiness probe cannot reach."""
    import time
    url = urllib.parse.urlparse(server.endpoint)
    deadline = time.monotonic() + timeout
    last = "no answer"
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            raise AssertionError(f"eddy exited with {server.proc.returncode}:\n{server.output()}")
        try:
            if ssl_context is not None:
                conn = http.client.HTTPSConnection(url.hostname, url.port, timeout=2, context=ssl_context)
            else:
                conn = http.client.HTTPConnection(url.hostname, url.port, timeout=2)
            try:
                conn.request("GET", "/")
                if conn.getresponse().status == 200:
                    return server
            finally:
                conn.close()
        except OSError as e:
            last = str(e)
        time.sleep(0.05)
    raise AssertionError(f"eddy not healthy after {timeout} s: {last}\n{server.output()}")
