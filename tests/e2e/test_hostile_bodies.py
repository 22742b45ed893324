"""Bodies built to break a parser: nesting 200,000 levels deep, 10 MB of '[', deeply nested JSON
that is not an attribute value. Each gets a clean error, nothing is written, and the server keeps
answering. (DynamoDB Local fails such requests with HTTP 500 InternalFailure.)
"""
import json

import pytest

from e2e_helpers import assert_error

INTERNAL_FAILURE = ("InternalFailure",
                    "The request processing has failed because of an unknown error, exception or failure.")
SERIALIZATION_BODY = {"__type": "com.amazon.coral.service#SerializationException"}


@pytest.fixture
def table(make_table):
    return make_table("pk:S")


def assert_refused_cleanly(raw, resp, on_dynamodb_local):
    if on_dynamodb_local:
        assert_error(resp, *INTERNAL_FAILURE)
    else:
        assert resp.status == 400, resp
        assert resp.json == SERIALIZATION_BODY
    assert raw("ListTables", {}).status == 200


def test_put_item_nested_200000_levels(raw, table, on_dynamodb_local):
    depth = 200000
    body = ('{"TableName": ' + json.dumps(table) + ', "Item": {"pk": {"S": "x"}, "d": ' + '{"":' * depth + '{}' +
            '}' * depth + '}}')
    assert_refused_cleanly(raw, raw("PutItem", body), on_dynamodb_local)
    assert "Item" not in raw("GetItem", {"TableName": table, "Key": {"pk": {"S": "x"}}}).json


def test_bare_200000_level_object(raw, on_dynamodb_local):
    depth = 200000
    assert_refused_cleanly(raw, raw("PutItem", '{"":' * depth + '1' + '}' * depth), on_dynamodb_local)


def test_ten_megabytes_of_open_brackets(raw, on_dynamodb_local):
    assert_refused_cleanly(raw, raw("PutItem", "[" * (10 * 1024 * 1024)), on_dynamodb_local)


def test_deep_json_in_a_member_that_is_not_an_attribute_value(raw, table, on_dynamodb_local):
    body = '{"TableName": ' + json.dumps(table) + ', "X": ' + '[' * 5000 + ']' * 5000 + '}'
    assert_refused_cleanly(raw, raw("PutItem", body), on_dynamodb_local)


def test_hostile_bodies_from_many_clients_at_once(raw, endpoint, on_dynamodb_local):
    import threading
    from e2e_helpers import raw_request
    answers = []

    def send():
        answers.append(raw_request(endpoint, "PutItem", "[" * (1024 * 1024)).status)

    threads = [threading.Thread(target=send) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert answers == [500 if on_dynamodb_local else 400] * 8
    assert raw("ListTables", {}).status == 200
