"""Compressed bodies both ways. Requests: Content-Encoding gzip (several members too) or deflate is
undone before the JSON is read; a body that is not what its coding says, an empty one, or an
unknown coding gets HTTP 500 as on DynamoDB; the 16 MiB limit applies to the inflated body.
Answers: compressed with the coding Accept-Encoding prefers once they reach 4 KiB, as DynamoDB's,
with x-amz-crc32 the CRC of the compressed bytes. (DynamoDB Local understands neither.)
"""
import gzip
import json
import zlib

import pytest

from e2e_helpers import assert_error

pytestmark = pytest.mark.eddy_only

INTERNAL = ("InternalServerError", "The server encountered an internal error trying to fulfill the request.")


@pytest.fixture
def table(make_table):
    return make_table("pk:S")


def put_body(table, key, **attributes):
    item = {"pk": {"S": key}, **{name: {"S": value} for name, value in attributes.items()}}
    return json.dumps({"TableName": table, "Item": item}).encode()


def stored(raw, table, key):
    return raw("GetItem", {"TableName": table, "Key": {"pk": {"S": key}}, "ConsistentRead": True}).json.get("Item")


def raw_deflate(data):
    compressor = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


@pytest.mark.parametrize("coding, compress", [
    ("gzip", gzip.compress),
    ("GZIP", gzip.compress),
    ("deflate", zlib.compress),
    ("deflate", raw_deflate),
    ("identity", lambda data: data),
])
def test_compressed_requests_are_decoded(raw, table, coding, compress):
    resp = raw("PutItem", compress(put_body(table, "a", v="hello")), headers={"Content-Encoding": coding})
    assert resp.status == 200, resp
    assert stored(raw, table, "a") == {"pk": {"S": "a"}, "v": {"S": "hello"}}


def test_concatenated_gzip_members(raw, table):
    body = put_body(table, "b", v="two members")
    resp = raw("PutItem", gzip.compress(body[:10]) + gzip.compress(body[10:]), headers={"Content-Encoding": "gzip"})
    assert resp.status == 200, resp
    assert stored(raw, table, "b")["v"] == {"S": "two members"}


def test_a_large_request_inflates(raw, table):
    value = "x" * (300 * 1024)
    resp = raw("PutItem", gzip.compress(put_body(table, "c", v=value)), headers={"Content-Encoding": "gzip"})
    assert resp.status == 200, resp
    assert stored(raw, table, "c")["v"] == {"S": value}


@pytest.mark.parametrize("coding, body", [
    ("gzip", lambda b: b),                              # not gzip at all
    ("gzip", lambda b: b""),                            # empty
    ("gzip", lambda b: gzip.compress(b)[:-1]),          # truncated
    ("gzip", lambda b: gzip.compress(b) + b"junk"),     # a valid member, then junk
    ("deflate", lambda b: b"not deflate"),
    ("garbage", lambda b: b),
    ("br", lambda b: b),
])
def test_broken_or_unknown_codings_get_500(raw, table, coding, body):
    resp = raw("PutItem", body(put_body(table, "d")), headers={"Content-Encoding": coding})
    assert resp.status == 500
    assert_error(resp, *INTERNAL)
    assert stored(raw, table, "d") is None


def test_the_limit_applies_to_the_inflated_body(raw, table):
    body = put_body(table, "e")
    body = body[:-1] + b" " * (20 * 1024 * 1024) + body[-1:]
    compressed = gzip.compress(body)
    assert len(compressed) < 1024 * 1024
    resp = raw("PutItem", compressed, headers={"Content-Encoding": "gzip"})
    assert resp.status == 413
    assert resp.json == {"__type": "com.amazon.coral.service#RequestEntityTooLarge",
                         "message": "Request entity too large"}
    assert stored(raw, table, "e") is None


def get_item(raw, table, key, accept_encoding=None):
    headers = {"Accept-Encoding": accept_encoding} if accept_encoding else {"Accept-Encoding": None}
    return raw("GetItem", {"TableName": table, "Key": {"pk": {"S": key}}}, headers=headers)


@pytest.mark.parametrize("accept, coding, decompress", [
    ("gzip", "gzip", gzip.decompress),
    ("deflate", "deflate", zlib.decompress),
    ("br, deflate;q=0.9, gzip;q=0.5", "deflate", zlib.decompress),
    ("*", "gzip", gzip.decompress),
])
def test_large_answers_are_compressed_when_asked(raw, table, accept, coding, decompress):
    value = "y" * 5000
    assert raw("PutItem", put_body(table, "f", v=value)).status == 200
    resp = get_item(raw, table, "f", accept)
    assert resp.status == 200
    assert resp.headers["content-encoding"] == coding
    assert int(resp.headers["x-amz-crc32"]) == zlib.crc32(resp.body)  # of the bytes sent
    assert int(resp.headers["content-length"]) == len(resp.body) < 1000
    assert json.loads(decompress(resp.body)) == {"Item": {"pk": {"S": "f"}, "v": {"S": value}}}


def test_answers_stay_plain_below_4_kib_or_when_not_asked(raw, table):
    assert raw("PutItem", put_body(table, "g", v="z" * 3000)).status == 200
    small = get_item(raw, table, "g", "gzip")
    assert "content-encoding" not in small.headers
    assert json.loads(small.body)["Item"]["v"]["S"] == "z" * 3000
    assert raw("PutItem", put_body(table, "h", v="z" * 5000)).status == 200
    for accept in (None, "identity", "br", "gzip;q=0"):
        plain = get_item(raw, table, "h", accept)
        assert "content-encoding" not in plain.headers, accept
        assert int(plain.headers["x-amz-crc32"]) == zlib.crc32(plain.body)
        assert json.loads(plain.body)["Item"]["v"]["S"] == "z" * 5000
