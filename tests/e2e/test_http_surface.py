"""HTTP as DynamoDB's endpoint speaks it, outside the JSON protocol: the GET health check, 404
<UnknownOperationException/> for other methods and content types, the Server and Date headers of
every answer, 400 for oversized headers, a 413 the client can read, the Content-Type that follows
the request's, and the error bodies' members. Recorded against dynamodb.us-east-1.amazonaws.com by
the dynalite project (DynamoDB Local answers most of these with HTTP 500 InternalFailure).
"""
import email.utils
import http.client
import re
import shutil
import socket
import subprocess
import time
import urllib.parse
import zlib

import pytest

from e2e_helpers import raw_request

pytestmark = pytest.mark.eddy_only

UNKNOWN_OPERATION_PAGE = b"<UnknownOperationException/>\n"


def address(endpoint):
    url = urllib.parse.urlparse(endpoint)
    return url.hostname, url.port


def request(endpoint, method, body=b"", headers=None, path="/"):
    """A request with exactly these headers (plus Host and Content-Length)."""
    host, port = address(endpoint)
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def assert_request_id_and_crc(headers, body):
    assert re.fullmatch(r"[0-9A-Z]{52}", headers["x-amzn-requestid"]), headers
    assert int(headers["x-amz-crc32"]) == zlib.crc32(body)
    assert int(headers["content-length"]) == len(body)


def assert_server_and_date(headers):
    assert headers["server"] == "Server"
    sent = email.utils.parsedate_to_datetime(headers["date"])
    assert abs(sent.timestamp() - time.time()) < 60, headers["date"]
    assert headers["date"].endswith(" GMT")


@pytest.mark.parametrize("path", ["/", "/ping"])
def test_get_is_the_health_check(endpoint, path):
    status, headers, body = request(endpoint, "GET", path=path)
    assert status == 200
    host, port = address(endpoint)
    # DynamoDB names itself there ("healthy: dynamodb.us-east-1.amazonaws.com ", trailing space
    # included); eddy names the host and port the client used.
    assert body == f"healthy: {host}:{port} ".encode()
    assert_request_id_and_crc(headers, body)
    assert_server_and_date(headers)


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "OPTIONS"])
def test_other_methods_get_the_unknown_operation_page(endpoint, method):
    status, headers, body = request(endpoint, method, b"{}", {"Content-Type": "application/x-amz-json-1.0",
                                                              "X-Amz-Target": "DynamoDB_20120810.ListTables"})
    assert status == 404
    assert body == UNKNOWN_OPERATION_PAGE
    assert headers["x-amz-crc32"] == "3552371480"
    assert headers["content-length"] == "29"
    assert_request_id_and_crc(headers, body)
    assert_server_and_date(headers)


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-amz-json-1.1", "whatever"])
def test_a_body_of_another_content_type_gets_the_unknown_operation_page(endpoint, content_type):
    headers = {"X-Amz-Target": "DynamoDB_20120810.ListTables"}
    if content_type:
        headers["Content-Type"] = content_type
    status, answer_headers, body = request(endpoint, "POST", b"{}", headers)
    assert (status, body) == (404, UNKNOWN_OPERATION_PAGE)
    assert_request_id_and_crc(answer_headers, body)


@pytest.mark.parametrize("sent, answered", [
    ("application/x-amz-json-1.0", "application/x-amz-json-1.0"),
    ("application/json", "application/json"),
    ("application/json; charset=utf-8", "application/json"),
    ("APPLICATION/X-AMZ-JSON-1.0", "application/x-amz-json-1.0"),
])
def test_the_answer_content_type_follows_the_request(endpoint, sent, answered):
    resp = raw_request(endpoint, "ListTables", {}, headers={"Content-Type": sent})
    assert resp.status == 200
    assert resp.headers["content-type"] == answered
    resp = raw_request(endpoint, "DescribeTable", {"TableName": "t_missing_table"}, headers={"Content-Type": sent})
    assert resp.status == 400
    assert resp.headers["content-type"] == answered


def test_a_body_that_is_not_json_gets_a_bare_serialization_exception(endpoint):
    for content_type in ("application/x-amz-json-1.0", "application/json"):
        resp = raw_request(endpoint, None, "hi", headers={"Content-Type": content_type})
        assert resp.status == 400
        assert resp.body == b'{"__type":"com.amazon.coral.service#SerializationException"}'
        assert resp.headers["x-amz-crc32"] == "3948637019"
        assert resp.headers["content-type"] == content_type


def test_an_empty_body_without_content_type_reaches_the_protocol(endpoint):
    status, headers, body = request(endpoint, "POST", b"", {"X-Amz-Target": "DynamoDB_20120810.ListTables",
                                                            "Authorization": "AWS4-HMAC-SHA256 Credential=a/b/c/d/e",
                                                            "X-Amz-Date": "20260101T000000Z"})
    assert status == 400
    assert body == b'{"__type":"com.amazon.coral.service#SerializationException"}'
    assert headers["content-type"] == "application/json"


def test_unknown_operation_has_no_message_member(raw):
    for target in ("Nope", "DynamoDB_20990101.ListTables", "whatever"):
        resp = raw(target, {})
        assert resp.status == 400
        assert resp.body == b'{"__type":"com.amazon.coral.service#UnknownOperationException"}'
        assert resp.headers["x-amz-crc32"] == "1368724161"


def test_framework_errors_say_Message(raw):
    resp = raw("DescribeTable", {"TableName": 5})
    assert resp.json == {"__type": "com.amazon.coral.service#SerializationException",
                         "Message": "NUMBER_VALUE cannot be converted to String"}
    resp = raw("DescribeTable", {"TableName": "t_no_such_table"})
    assert set(resp.json) == {"__type", "message"}
    resp = raw("ListTables", {}, headers={"Authorization": None})
    assert resp.json == {"__type": "com.amazon.coral.service#MissingAuthenticationTokenException",
                         "message": "Request is missing Authentication Token"}


def test_every_answer_carries_server_date_and_keep_alive(endpoint):
    for resp in (raw_request(endpoint, "ListTables", {}), raw_request(endpoint, "Nope", {})):
        assert_server_and_date(resp.headers)
        assert resp.headers["connection"] == "keep-alive"


def read_answer(sock):
    answer = b""
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
    except (ConnectionResetError, socket.timeout):
        pass
    return answer


def test_oversized_headers_get_400(endpoint):
    host, port = address(endpoint)
    for head in (b"POST / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (17 * 1024) + b"\r\n\r\n",
                 b"POST /" + b"a" * (20 * 1024) + b" HTTP/1.1\r\nHost: x\r\n\r\n"):
        with socket.create_connection((host, port), timeout=10) as s:
            s.sendall(head)
            answer = read_answer(s)
        status_line, _, rest = answer.partition(b"\r\n")
        assert status_line == b"HTTP/1.1 400 Bad Request", answer[:200]
        headers, _, body = rest.partition(b"\r\n\r\n")
        lines = headers.lower().split(b"\r\n")
        assert b"server: server" in lines and b"connection: close" in lines and b"content-length: 0" in lines
        assert body == b""
    # Headers just under the limit are fine.
    resp = raw_request(endpoint, "ListTables", {}, headers={"X-Big": "a" * (15 * 1024)})
    assert resp.status == 200


def test_oversized_body_413_is_read_by_a_client_that_sends_everything_first(endpoint):
    # http.client writes the whole 17 MB body before it reads: the server must keep reading (and
    # dropping) it after answering, or the client would see a reset instead of the answer.
    host, port = address(endpoint)
    conn = http.client.HTTPConnection(host, port, timeout=60)
    try:
        conn.request("POST", "/", body=b"x" * (17 * 1024 * 1024),
                     headers={"Content-Type": "application/x-amz-json-1.0",
                              "X-Amz-Target": "DynamoDB_20120810.ListTables"})
        resp = conn.getresponse()
        body = resp.read()
    finally:
        conn.close()
    assert resp.status == 413
    assert body == b'{"__type":"com.amazon.coral.service#RequestEntityTooLarge","message":"Request entity too large"}'
    assert resp.getheader("Connection") == "close"
    assert resp.getheader("Server") == "Server"
    assert raw_request(endpoint, "ListTables", {}).status == 200


def test_oversized_body_with_curl(endpoint, tmp_path):
    assert shutil.which("curl"), "curl is one of eddy's test dependencies (scripts/install-deps.sh)"
    big = tmp_path / "big.json"
    big.write_bytes(b"x" * (17 * 1024 * 1024))
    result = subprocess.run(["curl", "-s", "-S", "-o", "-", "-w", "\n%{http_code}", "-X", "POST",
                             "-H", "Content-Type: application/x-amz-json-1.0",
                             "-H", "X-Amz-Target: DynamoDB_20120810.ListTables",
                             "--data-binary", f"@{big}", endpoint + "/"],
                            capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    body, _, code = result.stdout.rpartition(b"\n")
    assert code == b"413"
    assert b"RequestEntityTooLarge" in body


def test_describe_endpoints_names_the_address_used(ddb, endpoint):
    host, port = address(endpoint)
    answer = ddb.describe_endpoints()
    assert answer["Endpoints"] == [{"Address": f"{host}:{port}", "CachePeriodInMinutes": 1440}]
    # Whatever name the client reached eddy by.
    resp = raw_request(endpoint, "DescribeEndpoints", {}, headers={"Host": "dynamodb.local.example:1234"})
    assert resp.json == {"Endpoints": [{"Address": "dynamodb.local.example:1234", "CachePeriodInMinutes": 1440}]}


def test_head_gets_the_headers_of_the_unknown_operation_page_and_the_connection_stays_usable(endpoint):
    host, port = address(endpoint)
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        conn.request("HEAD", "/")
        resp = conn.getresponse()
        assert resp.status == 404
        assert resp.getheader("Content-Length") == "29"
        assert resp.read() == b""
        conn.request("GET", "/")  # the same connection: no stray body bytes in the way
        resp = conn.getresponse()
        assert resp.status == 200 and resp.read().startswith(b"healthy: ")
    finally:
        conn.close()
