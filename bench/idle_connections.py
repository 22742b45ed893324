#!/usr/bin/python3
"""What idle keep-alive connections cost eddy: starts build/eddy (in memory, on a free loopback
port), measures its resident memory, opens --connections keep-alive connections that each send one
ListTables and then stay silent, measures again, and meanwhile times ListTables on a connection of
its own. Prints KB per idle connection and the latencies before and with the idle connections.
Bounded: --max-seconds in all; the connections are closed and eddy stopped at the end.

    /usr/bin/python3 bench/idle_connections.py --eddy build/eddy --connections 10000
"""
import argparse
import pathlib
import resource
import socket
import statistics
import subprocess
import sys
import time

REQUEST_BODY = b"{}"
REQUEST = (b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
           b"Content-Type: application/x-amz-json-1.0\r\n"
           b"Authorization: AWS4-HMAC-SHA256 Credential=a/20260101/us-east-1/dynamodb/aws4_request, "
           b"SignedHeaders=host, Signature=0\r\nX-Amz-Date: 20260101T000000Z\r\nContent-Length: 2\r\n\r\n{}")


def resident_kb(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def one_answer(sock):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise RuntimeError("closed")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(int(l.split(b":")[1]) for l in head.split(b"\r\n") if l.lower().startswith(b"content-length"))
    while len(body) < length:
        body += sock.recv(65536)
    return head


def latencies(port, count):
    """Milliseconds of `count` ListTables on one keep-alive connection."""
    result = []
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        for _ in range(count):
            started = time.perf_counter()
            sock.sendall(REQUEST)
            one_answer(sock)
            result.append((time.perf_counter() - started) * 1000)
    return result


def open_idle(port, count, deadline):
    """`count` connections, each answered once, then silent; opened in waves of 500."""
    sockets = []
    while len(sockets) < count and time.monotonic() < deadline:
        wave = []
        for _ in range(min(500, count - len(sockets))):
            sock = socket.create_connection(("127.0.0.1", port), timeout=10)
            sock.sendall(REQUEST)
            wave.append(sock)
        for sock in wave:
            one_answer(sock)
        sockets += wave
    return sockets


def summary(values):
    values = sorted(values)
    return f"p50 {statistics.median(values):.2f} ms, p99 {values[int(len(values) * 0.99) - 1]:.2f} ms"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--eddy", default="build/eddy")
    parser.add_argument("--connections", type=int, default=10000)
    parser.add_argument("--max-seconds", type=float, default=120)
    args = parser.parse_args()
    deadline = time.monotonic() + args.max_seconds
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = args.connections + 256
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, wanted), hard))
    port = free_port()
    command = [args.eddy, "--in-memory", "--host", "127.0.0.1", "--port", str(port), "--log-level", "warn"]
    # An eddy from before --max-connections (to compare) has no limit to raise.
    if "--max-connections" in subprocess.run([args.eddy, "--help"], capture_output=True, text=True).stdout:
        command += ["--max-connections", str(args.connections + 100)]
    eddy = subprocess.Popen(command, stdin=subprocess.DEVNULL)
    sockets = []
    try:
        while True:
            try:
                latencies(port, 1)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        quiet = latencies(port, 500)
        before = resident_kb(eddy.pid)
        started = time.monotonic()
        sockets = open_idle(port, args.connections, deadline)
        opened_s = time.monotonic() - started
        time.sleep(1)
        after = resident_kb(eddy.pid)
        loaded = latencies(port, 500)
        print(f"idle connections: {len(sockets)} opened in {opened_s:.1f} s")
        print(f"eddy resident: {before} KB before, {after} KB with them: "
              f"{(after - before) / max(1, len(sockets)):.2f} KB per idle connection")
        print(f"ListTables alone:             {summary(quiet)}")
        print(f"ListTables with the idle ones: {summary(loaded)}")
    finally:
        for sock in sockets:
            sock.close()
        eddy.terminate()
        eddy.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
