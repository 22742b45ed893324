"""Bounded resources under hostile clients, with raw sockets: the connection limit, the header and
body deadlines measured from a request's first byte (a slowloris is cut off while everyone else is
served at full speed by a single worker), the idle deadline, the memory an idle connection keeps,
and the table quota. Every test is bounded in time and count (docs/reliability.md)."""
import pathlib
import socket
import threading
import time

import pytest

from e2e_helpers import assert_error, raw_request

pytestmark = pytest.mark.eddy_only

LIST_TABLES = (b"POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
               b"Content-Type: application/x-amz-json-1.0\r\n"
               b"Authorization: AWS4-HMAC-SHA256 Credential=a/20260101/us-east-1/dynamodb/aws4_request, "
               b"SignedHeaders=host, Signature=0\r\nX-Amz-Date: 20260101T000000Z\r\n")


def list_tables_request(body=b"{}"):
    return LIST_TABLES + b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body


def connect(server, timeout=10):
    return socket.create_connection(("127.0.0.1", server.port), timeout=timeout)


def closed_by_server(sock):
    """True if the server closed the connection (end of stream or reset) without an answer."""
    try:
        return sock.recv(4096) == b""
    except ConnectionResetError:
        return True


def answer_of(sock, deadline_s=10):
    """The bytes of one whole answer (headers and Content-Length body), or b'' if closed first."""
    sock.settimeout(deadline_s)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                  if line.lower().startswith(b"content-length"))
    while len(body) < length:
        body += sock.recv(65536)
    return head + b"\r\n\r\n" + body


def timed_list_tables(server):
    started = time.monotonic()
    resp = raw_request(server.endpoint, "ListTables", {})
    assert resp.status == 200, resp.text
    return time.monotonic() - started


def wait_for(condition, timeout_s, what):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"not within {timeout_s} s: {what}")


def served(server):
    try:
        with connect(server, timeout=5) as sock:
            sock.sendall(list_tables_request())
            return answer_of(sock, 5).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def test_connections_past_the_limit_are_closed_at_once_and_logged_once_per_burst(eddy_server):
    server = eddy_server(["--max-connections", "8", "--threads", "1"], in_memory=True)
    held = [connect(server) for _ in range(8)]
    try:
        # Each held connection is served: the limit counts connections, not requests.
        held[0].sendall(list_tables_request())
        assert answer_of(held[0]).startswith(b"HTTP/1.1 200")
        refused = []
        for _ in range(20):
            extra = connect(server)
            extra.settimeout(5)
            refused.append(closed_by_server(extra))
            extra.close()
        assert refused == [True] * 20
        log = server.output()
        assert log.count("connections are open: new connections are closed at once") == 1, log
        held.pop().close()
        # Once one ends a new connection is served again, and the burst's count is logged.
        wait_for(lambda: served(server), 10, "a connection is served once one of the 8 closed")
        wait_for(lambda: "20 were closed at the limit of --max-connections 8" in server.output(), 5,
                 "the burst's count is logged")
    finally:
        for sock in held:
            sock.close()


def test_slowloris_headers_are_cut_off_while_others_are_served_by_the_one_worker(eddy_server):
    server = eddy_server(["--header-timeout-seconds", "2", "--threads", "1"], in_memory=True)
    request = list_tables_request()
    slow = [connect(server) for _ in range(20)]
    cut_after = [None] * len(slow)
    started = time.monotonic()

    def dribble(index, sock):
        # One byte every 0.25 s: the headers would take a minute, far past the 2 s deadline.
        for byte in request:
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                break
            sock.settimeout(0.25)
            try:
                if sock.recv(4096) == b"":
                    break
            except socket.timeout:
                continue
            except OSError:
                break
        cut_after[index] = time.monotonic() - started

    threads = [threading.Thread(target=dribble, args=(i, s), daemon=True) for i, s in enumerate(slow)]
    for thread in threads:
        thread.start()
    latencies = [timed_list_tables(server) for _ in range(30)]
    for thread in threads:
        thread.join(timeout=15)
    for sock in slow:
        sock.close()
    assert max(latencies) < 1.0, latencies
    assert all(t is not None for t in cut_after), cut_after
    assert all(1.5 <= t <= 6 for t in cut_after), cut_after


def test_header_deadline_starts_at_the_first_byte_not_at_the_connection(eddy_server):
    server = eddy_server(["--header-timeout-seconds", "1", "--idle-timeout-seconds", "30"], in_memory=True)
    with connect(server) as sock:
        # Real seconds on purpose: the deadlines are the sockets' timers, which the injected clock does not drive.
        time.sleep(2)  # silent past the header deadline, within the idle one
        sock.sendall(list_tables_request())
        assert answer_of(sock).startswith(b"HTTP/1.1 200")


def test_idle_keep_alive_connection_is_closed_after_the_idle_deadline(eddy_server):
    server = eddy_server(["--idle-timeout-seconds", "2"], in_memory=True)
    with connect(server) as sock:
        sock.sendall(list_tables_request())
        assert answer_of(sock).startswith(b"HTTP/1.1 200")
        started = time.monotonic()
        sock.settimeout(10)
        assert closed_by_server(sock)
        assert 1.5 <= time.monotonic() - started <= 6


def send_body_at(sock, body, chunk, pause_s, limit_s):
    """Sends body in chunks with a pause between them; the seconds until the server cut it off
    (None if the whole body went out)."""
    started = time.monotonic()
    for offset in range(0, len(body), chunk):
        try:
            sock.sendall(body[offset:offset + chunk])
        except OSError:
            return time.monotonic() - started
        if offset + chunk >= len(body):
            return None
        sock.settimeout(pause_s)
        try:
            if sock.recv(4096) == b"":
                return time.monotonic() - started
        except socket.timeout:
            pass
        except OSError:
            return time.monotonic() - started
        if time.monotonic() - started > limit_s:
            break
    return None


def test_body_slower_than_the_minimum_rate_is_cut_off(eddy_server):
    server = eddy_server(["--body-timeout-seconds", "2", "--min-body-rate", "1000", "--threads", "1"],
                         in_memory=True)
    body = b"{}" + b" " * 100_000
    with connect(server) as sock:
        sock.sendall(LIST_TABLES + b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n")
        # 10 bytes every 0.2 s (50 B/s): 2 s plus 1 s per 1,000 bytes received is about 2.1 s.
        cut = send_body_at(sock, body, 10, 0.2, 10)
    assert cut is not None and 1.5 <= cut <= 6, cut
    assert timed_list_tables(server) < 1.0


def test_body_at_the_minimum_rate_earns_more_time_than_the_base_deadline(eddy_server):
    server = eddy_server(["--body-timeout-seconds", "2", "--min-body-rate", "1000"], in_memory=True)
    body = b"{}" + b" " * 59_998
    with connect(server) as sock:
        sock.sendall(LIST_TABLES + b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n")
        # 2,000 bytes every 0.1 s: 3 s in all, past the 2 s base, well within what the bytes earn.
        started = time.monotonic()
        assert send_body_at(sock, body, 2000, 0.1, 20) is None
        assert time.monotonic() - started > 2.2
        assert answer_of(sock).startswith(b"HTTP/1.1 200")


def resident_kb(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def sanitized(pid):
    """Whether eddy runs with AddressSanitizer's runtime (a build of scripts/test.sh --sanitize)."""
    return "libasan" in pathlib.Path(f"/proc/{pid}/maps").read_text()


def test_idle_keep_alive_connections_keep_little_memory(eddy_server):
    server = eddy_server(["--threads", "2"], in_memory=True)
    for _ in range(20):
        timed_list_tables(server)  # the allocator's first arenas, before measuring
    before = resident_kb(server.pid)
    count = 1000
    sockets = []
    try:
        for _ in range(count):
            sock = connect(server)
            sock.sendall(list_tables_request())
            sockets.append(sock)
        for sock in sockets:
            assert answer_of(sock).startswith(b"HTTP/1.1 200")
        after = resident_kb(server.pid)
        per_connection = (after - before) / count
        # A read buffer or a drain scratch kept per idle connection (16-64 KB) would show here;
        # bench/idle_connections.py measures 10,000. Under AddressSanitizer (scripts/test.sh
        # --sanitize) every allocation carries redzones and freed memory waits in quarantine instead
        # of being reused, so resident memory also counts what the 1,000 requests allocated and freed:
        # there the bound only catches a read buffer of 64 KB kept per connection.
        bound = 32 if sanitized(server.pid) else 12
        assert per_connection < bound, f"{per_connection:.1f} KB per idle connection ({before} -> {after} KB)"
        assert timed_list_tables(server) < 1.0
    finally:
        for sock in sockets:
            sock.close()


def test_create_table_past_the_table_quota_is_limit_exceeded(eddy_server):
    server = eddy_server(["--max-tables", "3"], in_memory=True)
    definition = {"AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST"}
    for name in ("tbl1", "tbl2", "tbl3"):
        resp = raw_request(server.endpoint, "CreateTable", dict(definition, TableName=name))
        assert resp.status == 200, resp.text
    refused = raw_request(server.endpoint, "CreateTable", dict(definition, TableName="tbl4"))
    assert refused.status == 400
    assert_error(refused, "LimitExceededException",
                 "Subscriber limit exceeded: There is a limit of 3 tables per subscriber")
    assert raw_request(server.endpoint, "ListTables", {}).json["TableNames"] == ["tbl1", "tbl2", "tbl3"]
    assert raw_request(server.endpoint, "DeleteTable", {"TableName": "tbl2"}).status == 200
    assert raw_request(server.endpoint, "CreateTable", dict(definition, TableName="tbl4")).status == 200


def test_bodies_past_the_bytes_in_flight_are_throttled_until_others_are_answered(eddy_server):
    server = eddy_server(["--max-body-bytes-in-flight", "100000"], in_memory=True)
    big = b"{}" + b" " * 29_998
    with connect(server) as holder:
        # 80,000 bytes announced and only partly sent: they stay counted while the body is read.
        holder.sendall(LIST_TABLES + b"Content-Length: 80000\r\n\r\n{}")
        # eddy reserves the holder's bytes once it has read its headers: poll until a 30 KB body is refused.
        wait_for(lambda: _answer(server, list_tables_request(big)).startswith(b"HTTP/1.1 400"), 10,
                 "the 30 KB request is throttled")
        answer = _answer(server, list_tables_request(big))
        assert answer.startswith(b"HTTP/1.1 400"), answer[:200]
        assert answer.endswith(b'{"__type":"com.amazon.coral.availability#ThrottlingException",'
                               b'"message":"Rate of requests exceeds the allowed throughput."}'), answer
        assert timed_list_tables(server) < 1.0  # a 2-byte body still fits
    # The holder gone, its bytes are given back.
    wait_for(lambda: _answered(server, list_tables_request(big)), 10, "the 30 KB request is served again")


def _answer(server, request):
    with connect(server) as sock:
        sock.sendall(request)
        return answer_of(sock)


def _answered(server, request):
    return _answer(server, request).startswith(b"HTTP/1.1 200")
