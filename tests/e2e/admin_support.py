"""The admin API (/eddy/v1/..., docs/test-controls.md) from the end-to-end tests: one JSON call each."""
import http.client
import json
import urllib.parse


class AdminAnswer:
    def __init__(self, status, body):
        self.status = status
        self.json = json.loads(body) if body else None

    def __repr__(self):
        return f"AdminAnswer({self.status}, {self.json!r})"


def admin(endpoint, method, path, body=None, timeout=30):
    """One admin call: `path` under /eddy/v1/ (e.g. "clock"), `body` a dict or raw text."""
    url = urllib.parse.urlparse(endpoint)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
    try:
        data = json.dumps(body) if isinstance(body, (dict, list)) else body
        headers = {"Content-Type": "application/json"} if data is not None else {}
        conn.request(method, "/eddy/v1/" + path, body=data, headers=headers)
        resp = conn.getresponse()
        return AdminAnswer(resp.status, resp.read().decode())
    finally:
        conn.close()


def ok(endpoint, method, path, body=None, timeout=30):
    """The answer's JSON, asserting a 200."""
    answer = admin(endpoint, method, path, body, timeout)
    assert answer.status == 200, answer
    return answer.json


def assert_admin_error(answer, status, type_name, message=None):
    assert answer.status == status, answer
    assert answer.json["__type"] == "eddy.admin#" + type_name, answer
    if message is not None:
        assert answer.json["message"] == message, answer
