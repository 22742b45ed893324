"""Query of a table without a sort key: the key condition names one item, so the answer is never
paged (no LastEvaluatedKey, whatever the Limit) and an ExclusiveStartKey in that partition is
refused with "The query can return at most one row and cannot be restarted" (the message DynamoDB
gives when the key condition is an equality on the whole key; recorded by dynalite's test/query.js
and named INVALID_START_KEY_EQUALITY in DynamoDB Local). A GSI without a sort key holds many items
per partition and pages as any index does.
"""
import pytest

from e2e_helpers import assert_error, target

S = lambda v: {"S": v}  # noqa: E731


@pytest.fixture
def table(make_table):
    return make_table("pk:S", AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                                    {"AttributeName": "g", "AttributeType": "S"}],
                      GlobalSecondaryIndexes=[{"IndexName": "by_g",
                                               "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
                                               "Projection": {"ProjectionType": "ALL"}}])


def query(raw, table, **extra):
    body = {"TableName": table, "KeyConditionExpression": "pk = :v", "ExpressionAttributeValues": {":v": S("a")}}
    body.update(extra)
    return raw("Query", body)


def test_limit_one_returns_the_item_without_last_evaluated_key(raw, ddb, table):
    ddb.put_item(TableName=table, Item={"pk": S("a"), "g": S("x")})
    resp = query(raw, table, Limit=1)
    assert resp.status == 200, resp
    assert resp.json == {"Items": [{"pk": S("a"), "g": S("x")}], "Count": 1, "ScannedCount": 1}


def test_missing_item_is_an_empty_answer(raw, table):
    resp = query(raw, table, Limit=1)
    assert resp.json == {"Items": [], "Count": 0, "ScannedCount": 0}


def test_start_key_in_the_partition_cannot_restart(raw, ddb, table):
    ddb.put_item(TableName=table, Item={"pk": S("a")})
    resp = query(raw, table, ExclusiveStartKey={"pk": S("a")})
    if target.is_dynamodb_local:  # DynamoDB Local answers an empty page instead
        assert resp.json == {"Items": [], "Count": 0, "ScannedCount": 0}
        return
    assert_error(resp, "ValidationException", "The query can return at most one row and cannot be restarted")


def test_start_key_of_another_partition_is_outside_the_boundaries(raw, table):
    resp = query(raw, table, ExclusiveStartKey={"pk": S("b")})
    assert_error(resp, "ValidationException",
                 "The provided starting key is outside query boundaries based on provided conditions",
                 local="The provided starting key does not match the range key predicate")


def test_gsi_without_sort_key_still_pages(raw, ddb, table):
    for pk in ["a", "b", "c"]:
        ddb.put_item(TableName=table, Item={"pk": S(pk), "g": S("x")})
    seen, start = [], None
    for _ in range(5):
        body = {"TableName": table, "IndexName": "by_g", "KeyConditionExpression": "g = :g",
                "ExpressionAttributeValues": {":g": S("x")}, "Limit": 1}
        if start:
            body["ExclusiveStartKey"] = start
        resp = raw("Query", body)
        assert resp.status == 200, resp
        seen += [item["pk"]["S"] for item in resp.json["Items"]]
        start = resp.json.get("LastEvaluatedKey")
        if start is None:
            break
    assert sorted(seen) == ["a", "b", "c"]
