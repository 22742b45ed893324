"""HTTPS with --tls-cert and --tls-key, for SDK configurations that insist on https://: a
self-signed certificate made for the test, boto3 trusting it, the health check and the JSON
protocol over TLS, a plain-HTTP client refused without harm, and the flags' own errors.
"""
import http.client
import socket
import ssl
import subprocess

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import SSLError

from e2e_helpers import wait_until_healthy

pytestmark = pytest.mark.eddy_only


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
                   check=True, capture_output=True, timeout=60)
    return cert, key


@pytest.fixture
def https_eddy(eddy_server, certificate):
    cert, key = certificate
    server = eddy_server(["--tls-cert", str(cert), "--tls-key", str(key)], in_memory=True, wait=False)
    server.endpoint = server.endpoint.replace("http://", "https://")
    return wait_until_healthy(server, ssl_context=ssl.create_default_context(cafile=str(cert)))


def test_boto3_over_https(https_eddy, certificate):
    cert, _ = certificate
    ddb = boto3.client("dynamodb", endpoint_url=https_eddy.endpoint, region_name="us-east-1", verify=str(cert),
                       aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret",
                       config=Config(retries={"max_attempts": 1}))
    ddb.create_table(TableName="t_tls", KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                     AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                     BillingMode="PAY_PER_REQUEST")
    ddb.put_item(TableName="t_tls", Item={"pk": {"S": "a"}, "v": {"S": "x" * 10000}})
    assert ddb.get_item(TableName="t_tls", Key={"pk": {"S": "a"}})["Item"]["v"] == {"S": "x" * 10000}
    assert ddb.list_tables()["TableNames"] == ["t_tls"]


def test_an_untrusted_certificate_is_refused_by_the_client(https_eddy):
    ddb = boto3.client("dynamodb", endpoint_url=https_eddy.endpoint, region_name="us-east-1",
                       aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret",
                       config=Config(retries={"max_attempts": 1}))
    with pytest.raises(SSLError):
        ddb.list_tables()


def test_health_check_and_keep_alive_over_tls(https_eddy, certificate):
    cert, _ = certificate
    context = ssl.create_default_context(cafile=str(cert))
    conn = http.client.HTTPSConnection("127.0.0.1", https_eddy.port, timeout=10, context=context)
    try:
        for _ in range(3):  # one TLS connection, several requests
            conn.request("GET", "/")
            resp = conn.getresponse()
            assert resp.status == 200
            assert resp.read() == f"healthy: 127.0.0.1:{https_eddy.port} ".encode()
            assert resp.getheader("Server") == "Server"
    finally:
        conn.close()


def test_plain_http_to_the_tls_port_is_closed_and_harmless(https_eddy, certificate):
    with socket.create_connection(("127.0.0.1", https_eddy.port), timeout=10) as s:
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        try:
            data = s.recv(4096)
        except ConnectionResetError:
            data = b""
    assert not data.startswith(b"HTTP/1.1 200")
    cert, _ = certificate
    wait_until_healthy(https_eddy, ssl_context=ssl.create_default_context(cafile=str(cert)))


def test_tls_flags_go_together(eddy_server, certificate):
    cert, _ = certificate
    result = eddy_server.run(["--in-memory", "--port", "0", "--tls-cert", str(cert)])
    assert result.returncode == 2
    assert "eddy: --tls-cert and --tls-key go together" in result.stdout


def test_a_missing_certificate_stops_the_start(eddy_server, certificate, tmp_path):
    _, key = certificate
    result = eddy_server.run(["--in-memory", "--port", "0", "--tls-cert", str(tmp_path / "none.pem"),
                              "--tls-key", str(key)])
    assert result.returncode == 1
    assert f"eddy cannot start: cannot load the TLS certificate {tmp_path / 'none.pem'}" in result.stdout
