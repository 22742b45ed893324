"""The HTTP and JSON protocol: response headers, CRC32, keep-alive, and the errors DynamoDB returns
before an operation runs (bad JSON, wrong field types, unknown operations, missing credentials).

Where DynamoDB Local answers differently from DynamoDB, `local=` holds DynamoDB Local's answer.
Messages of DynamoDB itself that DynamoDB Local does not produce were recorded from DynamoDB by the
dynalite project's test suite.
"""
import http.client
import urllib.parse
import zlib

from e2e_helpers import assert_error, raw_request, target

INTERNAL_FAILURE = ("InternalFailure",
                    "The request processing has failed because of an unknown error, exception or failure.")


def check_standard_headers(resp, crc32_required=True):
    assert resp.headers.get("x-amzn-requestid"), resp.headers
    assert resp.headers["content-type"] == "application/x-amz-json-1.0"
    if crc32_required or "x-amz-crc32" in resp.headers:
        assert int(resp.headers["x-amz-crc32"]) == zlib.crc32(resp.body)
    assert int(resp.headers["content-length"]) == len(resp.body)


def test_success_headers_and_crc32(raw):
    resp = raw("ListTables", {})
    assert resp.status == 200
    check_standard_headers(resp)
    assert isinstance(resp.json["TableNames"], list)


def test_error_headers_and_crc32(raw):
    resp = raw("DescribeTable", {"TableName": "t_does_not_exist_x"})
    assert resp.status == 400
    # DynamoDB sends x-amz-crc32 on errors too; DynamoDB Local leaves it out.
    check_standard_headers(resp, crc32_required=not target.is_dynamodb_local)
    assert resp.json["__type"].endswith("#ResourceNotFoundException")


def test_request_ids_differ(raw):
    first, second = raw("ListTables", {}), raw("ListTables", {})
    assert first.headers["x-amzn-requestid"] != second.headers["x-amzn-requestid"]


def test_full_target_string_accepted(raw):
    assert raw("DynamoDB_20120810.ListTables", {}).status == 200


def test_malformed_json_is_serialization_exception(raw):
    for body in ["{bad", "{\"TableName\": ", "[1, 2", "hello"]:
        resp = raw("ListTables", body)
        # DynamoDB Local fails such requests with HTTP 500 InternalFailure.
        assert resp.status == (500 if target.is_dynamodb_local else 400), resp
        assert_error(resp, "SerializationException", None, local=INTERNAL_FAILURE)


def test_empty_body_is_serialization_exception(raw):
    resp = raw("ListTables", "")
    assert_error(resp, "SerializationException", None, local=INTERNAL_FAILURE)


def test_number_for_string_field(raw):
    resp = raw("DescribeTable", {"TableName": 5})
    # DynamoDB Local turns the number into the string "5" and then rejects the name.
    assert_error(resp, "SerializationException", "NUMBER_VALUE cannot be converted to String",
                 local=("ValidationException",
                        "Invalid table/index name.  Table/index names must be between 3 and 255 characters "
                        "long, and may contain only the characters a-z, A-Z, 0-9, '_', '-', and '.'"))


def test_string_for_map_field(raw, make_table):
    table = make_table()
    resp = raw("GetItem", {"TableName": table, "Key": "x"})
    assert_error(resp, "SerializationException", "Unexpected field type", local=INTERNAL_FAILURE)


def test_string_for_integer_field(raw, make_table):
    table = make_table()
    resp = raw("Scan", {"TableName": table, "Limit": "ten"})
    assert_error(resp, "SerializationException", "STRING_VALUE cannot be converted to Integer",
                 local=INTERNAL_FAILURE)


def test_unknown_operation(raw):
    resp = raw("Nope", {})
    assert resp.status == 400
    assert_error(resp, "UnknownOperationException", None,
                 local=("UnknownOperationException", "An unknown operation was requested."))


def test_unknown_target_prefix(raw):
    resp = raw("DynamoDB_20990101.ListTables", {})
    assert resp.status == 400
    assert_error(resp, "UnknownOperationException", None,
                 local=("InvalidAction", "The action or operation requested is invalid. "
                                         "Verify that the action is typed correctly."))


def test_missing_target(raw):
    resp = raw(None, {})
    assert_error(resp, "UnknownOperationException", None, local=INTERNAL_FAILURE)


def test_missing_authorization(raw):
    resp = raw("ListTables", {}, headers={"Authorization": None})
    assert resp.status == 400
    assert_error(resp, "MissingAuthenticationTokenException", "Request is missing Authentication Token",
                 local=("MissingAuthenticationToken", "Request must contain either a valid (registered) "
                                                       "AWS access key ID or X.509 certificate."))


def test_any_signature_accepted(raw):
    # Without --credentials (test_signatures.py), as in DynamoDB Local, any SigV4 header is accepted.
    resp = raw("ListTables", {}, headers={
        "Authorization": "AWS4-HMAC-SHA256 Credential=other/20200101/eu-west-1/dynamodb/aws4_request, "
                         "SignedHeaders=host, Signature=abcdef"})
    assert resp.status == 200


def test_application_json_content_type_accepted(raw):
    resp = raw("ListTables", {}, headers={"Content-Type": "application/json"})
    assert resp.status == 200


def test_keep_alive_two_requests_on_one_connection(endpoint):
    url = urllib.parse.urlparse(endpoint)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    try:
        first = raw_request(endpoint, "ListTables", {}, connection=conn)
        sock = conn.sock
        second = raw_request(endpoint, "ListTables", {"Limit": 1}, connection=conn)
        assert first.status == 200 and second.status == 200
        assert sock is not None and conn.sock is sock, "the server closed the keep-alive connection"
    finally:
        conn.close()


def test_get_root_answers(raw):
    # DynamoDB answers GET / outside the JSON protocol (DynamoDB Local: HTTP 500 InternalFailure);
    # only require a well-formed HTTP answer and a server that keeps serving. eddy's exact answer is
    # pinned in test_http_surface.py.
    resp = raw(None, None, method="GET")
    assert 200 <= resp.status < 600
    assert raw("ListTables", {}).status == 200
