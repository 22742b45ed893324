"""CORS, always on as on DynamoDB: any request with an Origin gets Access-Control-Allow-Origin and
Access-Control-Expose-Headers; a preflight gets 200 with an empty body, the requested method and
headers echoed and Access-Control-Max-Age 172800; nothing is added without an Origin. -cors (as in
DynamoDB Local) may name the allowed origins. The last tests call eddy from a page in headless
Chromium, which enforces all of it.
"""
import http.server
import json
import os
import pathlib
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import zlib

import pytest

from e2e_helpers import raw_request

pytestmark = pytest.mark.eddy_only

EXPOSED = "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date,x-amz-crc32"
CORS_HEADERS = ("access-control-allow-origin", "access-control-expose-headers", "access-control-allow-methods",
                "access-control-allow-headers", "access-control-max-age")


def preflight(endpoint, origin="http://page.example", method="POST", headers="content-type,x-amz-target"):
    request_headers = {"Origin": origin, "Content-Type": None, "Authorization": None, "X-Amz-Date": None}
    if method:
        request_headers["Access-Control-Request-Method"] = method
    if headers:
        request_headers["Access-Control-Request-Headers"] = headers
    return raw_request(endpoint, None, b"", headers=request_headers, method="OPTIONS")


def test_preflight(endpoint):
    resp = preflight(endpoint, headers="content-type,x-amz-target,authorization,x-amz-date")
    assert resp.status == 200
    assert resp.body == b""
    assert resp.headers["content-length"] == "0"
    assert resp.headers["access-control-allow-origin"] == "*"
    assert resp.headers["access-control-allow-methods"] == "POST"
    assert resp.headers["access-control-allow-headers"] == "content-type,x-amz-target,authorization,x-amz-date"
    assert resp.headers["access-control-max-age"] == "172800"
    assert resp.headers["access-control-expose-headers"] == EXPOSED
    assert len(resp.headers["x-amzn-requestid"]) == 52
    assert resp.headers["server"] == "Server"


def test_preflight_echoes_only_what_was_asked(endpoint):
    resp = preflight(endpoint, method=None, headers=None)
    assert resp.status == 200
    assert "access-control-allow-methods" not in resp.headers
    assert "access-control-allow-headers" not in resp.headers
    assert resp.headers["access-control-max-age"] == "172800"


def test_answers_to_an_origin_carry_cors_headers(raw):
    for resp in (raw("ListTables", {}, headers={"Origin": "http://page.example"}),
                 raw("DescribeTable", {"TableName": "t_missing_table"}, headers={"Origin": "http://page.example"}),
                 raw("Nope", {}, headers={"Origin": "http://page.example"})):
        assert resp.headers["access-control-allow-origin"] == "*"
        assert resp.headers["access-control-expose-headers"] == EXPOSED
        assert "access-control-max-age" not in resp.headers


def test_nothing_is_added_without_an_origin(raw):
    resp = raw("ListTables", {})
    assert not [h for h in CORS_HEADERS if h in resp.headers]


def test_cors_flag_restricts_origins(eddy_server):
    server = eddy_server(["-cors", "http://a.example, http://b.example"], in_memory=True)
    allowed = raw_request(server.endpoint, "ListTables", {}, headers={"Origin": "http://b.example"})
    assert allowed.headers["access-control-allow-origin"] == "http://b.example"
    assert allowed.headers["vary"] == "Origin"
    other = raw_request(server.endpoint, "ListTables", {}, headers={"Origin": "http://c.example"})
    assert other.status == 200
    assert not [h for h in CORS_HEADERS if h in other.headers]
    refused = preflight(server.endpoint, origin="http://c.example")
    assert refused.status == 200 and "access-control-allow-origin" not in refused.headers
    assert preflight(server.endpoint, origin="http://a.example").headers["access-control-allow-origin"] == \
        "http://a.example"


# --- From a browser -----------------------------------------------------------------------------------

PAGE = """<!doctype html><html><body><script>
const eddy = %(endpoint)s;
const dynamodb = (target, body) => fetch(eddy + "/", {
  method: "POST", body,
  headers: {"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810." + target,
            "Authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/dynamodb/aws4_request, " +
                             "SignedHeaders=host, Signature=00",
            "X-Amz-Date": "20260101T000000Z"}});
async function call(target, body) {
  try {
    const r = await dynamodb(target, body);
    return {status: r.status, body: await r.text(), requestId: r.headers.get("x-amzn-RequestId"),
            crc: r.headers.get("x-amz-crc32"), date: r.headers.get("Date"),
            contentType: r.headers.get("Content-Type")};
  } catch (e) {
    return {error: String(e)};
  }
}
(async () => {
  const results = {listTables: await call("ListTables", "{}"),
                   missingTable: await call("DescribeTable", JSON.stringify({TableName: "t_missing_table"}))};
  await fetch("/result", {method: "POST", body: JSON.stringify(results)});
})();
</script></body></html>"""


class PageServer:
    """Serves the page on a loopback port of its own (so eddy is another origin) and takes its result."""

    def __init__(self):
        self.eddy_endpoint = None  # set before the browser loads the page
        self.result = None
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                page = (PAGE % {"endpoint": json.dumps(owner.eddy_endpoint)}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            def do_POST(self):
                owner.result = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def chromium_binary():
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    assert binary, "headless Chromium is one of eddy's test dependencies (scripts/install-deps.sh)"
    return binary


def results_from_browser(eddy_endpoint, origin_for_eddy=None, timeout=60):
    """Opens the page in headless Chromium and returns what its fetch calls saw. origin_for_eddy:
    called with the page's origin before the browser starts (to start an eddy that allows it)."""
    page = PageServer()
    page.eddy_endpoint = origin_for_eddy(page.origin) if origin_for_eddy else eddy_endpoint
    profile = tempfile.mkdtemp(prefix="eddy-chromium-")
    browser = subprocess.Popen(
        [chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", f"--user-data-dir={profile}", page.origin + "/page.html"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while page.result is None and time.monotonic() < deadline and browser.poll() is None:
            time.sleep(0.05)
        assert page.result is not None, f"the page reported nothing (browser status {browser.poll()})"
        return page.result, page.origin
    finally:
        if browser.poll() is None:
            os.killpg(browser.pid, signal.SIGTERM)
            try:
                browser.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(browser.pid, signal.SIGKILL)
                browser.wait()
        page.close()
        shutil.rmtree(profile, ignore_errors=True)


def test_a_page_on_another_origin_calls_eddy(endpoint):
    results, _ = results_from_browser(endpoint)
    tables = results["listTables"]
    assert "error" not in tables, tables
    assert tables["status"] == 200
    assert "TableNames" in json.loads(tables["body"])
    assert tables["contentType"] == "application/x-amz-json-1.0"
    # The exposed headers are readable by the page.
    assert len(tables["requestId"]) == 52
    assert int(tables["crc"]) == zlib.crc32(tables["body"].encode())
    assert tables["date"].endswith(" GMT")
    missing = results["missingTable"]
    assert missing["status"] == 400
    assert json.loads(missing["body"]) == {
        "__type": "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",
        "message": "Requested resource not found: Table: t_missing_table not found"}


def test_cors_flag_allows_the_page_or_not(eddy_server):
    def eddy_allowing(origin):
        return eddy_server(["-cors", origin], in_memory=True).endpoint

    results, _ = results_from_browser(None, origin_for_eddy=eddy_allowing)
    assert results["listTables"]["status"] == 200, results

    other = eddy_server(["-cors", "http://elsewhere.example"], in_memory=True)
    results, _ = results_from_browser(other.endpoint)
    assert results["listTables"] == {"error": "TypeError: Failed to fetch"}
