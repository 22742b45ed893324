"""The console's HTTP surface (docs/console.md): /console answers a browser (Accept asks for
text/html) with the page, and every other request to it as any unknown path is answered (GET: the
health check; another method: DynamoDB's 404 page); its assets answer with their types, ETags and a
304 to If-None-Match; it is refused, as the admin API is, when eddy listens on an address that is
not loopback without --admin. The page's views are tested in Chromium (clients/console.test.mjs).
"""
import http.client
import re
import urllib.parse

import pytest

from conftest import free_port

pytestmark = pytest.mark.eddy_only

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
ASSETS = {
    "/console/console.css": "text/css; charset=utf-8",
    "/console/js/main.js": "text/javascript; charset=utf-8",
    "/console/js/api.js": "text/javascript; charset=utf-8",
    "/console/js/sigv4.js": "text/javascript; charset=utf-8",
    "/console/js/attribute_json.js": "text/javascript; charset=utf-8",
    "/console/js/tables_view.js": "text/javascript; charset=utf-8",
    "/console/js/items_view.js": "text/javascript; charset=utf-8",
    "/console/js/item_editor.js": "text/javascript; charset=utf-8",
    "/console/js/stream_view.js": "text/javascript; charset=utf-8",
    "/console/js/triggers_view.js": "text/javascript; charset=utf-8",
    "/console/js/dom.js": "text/javascript; charset=utf-8",
}


def request(endpoint, method, path, headers=None, body=None):
    url = urllib.parse.urlparse(endpoint)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def health(endpoint):
    return b"healthy: " + urllib.parse.urlparse(endpoint).netloc.encode() + b" "


@pytest.mark.parametrize("path", ["/console", "/console/", "/console/index.html", "/console?x=1"])
def test_a_browser_gets_the_page(endpoint, path):
    status, headers, body = request(endpoint, "GET", path, {"Accept": BROWSER_ACCEPT})
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert headers["cache-control"] == "no-cache"
    assert re.fullmatch(r'"[0-9a-f]{16}"', headers["etag"])
    assert "connect-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert body.startswith(b"<!doctype html>")
    assert b'<script type="module" src="/console/js/main.js"></script>' in body
    assert int(headers["content-length"]) == len(body)


@pytest.mark.parametrize("accept", [None, "application/json", "*/*", "text/html;q=0"])
def test_the_page_without_text_html_is_an_unknown_path(endpoint, accept):
    status, headers, body = request(endpoint, "GET", "/console", {"Accept": accept} if accept else {})
    assert (status, body) == (200, health(endpoint))
    assert "etag" not in headers
    assert re.fullmatch(r"[0-9A-Z]{52}", headers["x-amzn-requestid"])


def test_other_methods_and_paths_are_answered_as_before(endpoint):
    assert request(endpoint, "GET", "/console/missing.js")[::2] == (200, health(endpoint))
    assert request(endpoint, "GET", "/console/js/../console.css")[::2] == (200, health(endpoint))
    assert request(endpoint, "GET", "/", {"Accept": BROWSER_ACCEPT})[::2] == (200, health(endpoint))
    status, _, body = request(endpoint, "DELETE", "/console", {"Accept": BROWSER_ACCEPT})
    assert (status, body) == (404, b"<UnknownOperationException/>\n")
    status, _, body = request(endpoint, "PUT", "/console/js/main.js")
    assert (status, body) == (404, b"<UnknownOperationException/>\n")


@pytest.mark.parametrize("path,content_type", sorted(ASSETS.items()))
def test_assets_answer_with_their_types(endpoint, path, content_type):
    status, headers, body = request(endpoint, "GET", path, {"Accept": "*/*"})
    assert status == 200
    assert headers["content-type"] == content_type
    assert len(body) > 100
    etag = headers["etag"]
    status, headers, body = request(endpoint, "GET", path, {"If-None-Match": etag})
    assert (status, body, headers["etag"]) == (304, b"", etag)
    status, _, body = request(endpoint, "GET", path, {"If-None-Match": '"0000000000000000"'})
    assert status == 200 and body


def test_every_module_the_page_imports_is_served(endpoint):
    seen, pending = set(), ["/console/js/main.js"]
    while pending:
        path = pending.pop()
        seen.add(path)
        status, headers, body = request(endpoint, "GET", path)
        assert status == 200, path
        for name in re.findall(rb'from "\./([a-z0-9_]+\.js)"', body):
            module = "/console/js/" + name.decode()
            if module not in seen:
                pending.append(module)
    assert seen == {p for p in ASSETS if p.endswith(".js")}


def test_refused_on_a_non_loopback_bind_without_admin(eddy_server):
    port = free_port()
    server = eddy_server(raw_args=["--host", "0.0.0.0", "--port", str(port), "--in-memory"], port=port)
    for path in ["/console", "/console/js/main.js"]:
        status, headers, body = request(server.endpoint, "GET", path, {"Accept": BROWSER_ACCEPT})
        assert status == 403, path
        assert headers["content-type"] == "text/plain; charset=utf-8"
        assert body == (b"The eddy console is refused: eddy listens on 0.0.0.0, which is not a loopback address. "
                        b"Start eddy with --admin to allow it.\n")
    # What is not the console's is answered as always.
    assert request(server.endpoint, "GET", "/console")[::2] == (200, health(server.endpoint))


def test_served_on_a_non_loopback_bind_with_admin(eddy_server):
    port = free_port()
    server = eddy_server(raw_args=["--host", "0.0.0.0", "--port", str(port), "--in-memory", "--admin"], port=port)
    status, headers, body = request(server.endpoint, "GET", "/console", {"Accept": BROWSER_ACCEPT})
    assert status == 200
    assert body.startswith(b"<!doctype html>")
