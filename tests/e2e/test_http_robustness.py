"""The HTTP front end under bad clients: oversized bodies, garbage, half-sent and vanishing requests,
idle connections. Each must get an error or a clean close, and the server must keep answering others."""
import socket
import threading
import time
import urllib.parse

import pytest

from e2e_helpers import raw_request

pytestmark = pytest.mark.eddy_only


def address(endpoint):
    url = urllib.parse.urlparse(endpoint)
    return url.hostname, url.port


def still_answers(endpoint):
    resp = raw_request(endpoint, "ListTables", {})
    assert resp.status == 200, resp.text


def test_oversized_body_is_refused_and_server_survives(endpoint):
    body = b'{"TableName":"' + b"x" * (17 * 1024 * 1024) + b'"}'
    with socket.create_connection(address(endpoint), timeout=10) as s:
        s.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                  b"Content-Type: application/x-amz-json-1.0\r\nAuthorization: AWS4-HMAC-SHA256 Credential=a/b/c/d/e\r\n"
                  b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n")
        try:
            s.sendall(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may close before the whole body arrives
        answer = b""
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                answer += chunk
        except (ConnectionResetError, socket.timeout):
            pass
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"RequestEntityTooLarge" in answer
    still_answers(endpoint)


def test_garbage_request_line_gets_closed(endpoint):
    with socket.create_connection(address(endpoint), timeout=5) as s:
        s.sendall(b"THIS IS NOT HTTP\r\n\r\n")
        s.settimeout(5)
        try:
            data = s.recv(4096)
        except ConnectionResetError:
            data = b""
    assert data == b"" or data.startswith(b"HTTP/1.1 400")
    still_answers(endpoint)


def test_vanishing_clients_do_not_hurt(endpoint):
    # Half-sent headers, and a body shorter than its Content-Length, then the client disappears.
    for payload in (b"POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Tar",
                    b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"Tab"):
        s = socket.create_connection(address(endpoint), timeout=5)
        s.sendall(payload)
        s.close()
    still_answers(endpoint)


def test_idle_connections_do_not_block_workers(endpoint):
    # More silent connections than worker threads: requests on other connections still get answers.
    idle = [socket.create_connection(address(endpoint), timeout=5) for _ in range(16)]
    try:
        started = time.monotonic()
        for _ in range(5):
            still_answers(endpoint)
        assert time.monotonic() - started < 5
    finally:
        for s in idle:
            s.close()


def test_concurrent_clients_are_all_answered(endpoint):
    errors = []

    def client():
        try:
            for _ in range(20):
                resp = raw_request(endpoint, "ListTables", {"Limit": 1})
                if resp.status != 200:
                    errors.append(resp.text)
        except Exception as e:  # noqa: BLE001 - any failure is a test failure
            errors.append(repr(e))

    threads = [threading.Thread(target=client) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
