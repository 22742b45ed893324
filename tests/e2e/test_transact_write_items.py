"""TransactWriteItems: all-or-nothing ConditionCheck/Put/Update/Delete over several tables,
cancellation reasons in action order, ClientRequestToken idempotency, DynamoDB's limits and messages.

Where DynamoDB Local answers differently from DynamoDB, `local=` holds DynamoDB Local's answer.
"""
import uuid

import pytest

from e2e_helpers import assert_error, error_of, target

LOCAL_NO_TABLE = "Cannot do operations on a non-existent table"
CANCELLED = "Transaction cancelled, please refer cancellation reasons for specific reasons "


def s(value):
    return {"S": value}


def n(value):
    return {"N": str(value)}


def put(table, item, **extra):
    return {"Put": dict({"TableName": table, "Item": item}, **extra)}


def delete(table, key, **extra):
    return {"Delete": dict({"TableName": table, "Key": key}, **extra)}


def check(table, key, condition, **extra):
    return {"ConditionCheck": dict({"TableName": table, "Key": key, "ConditionExpression": condition}, **extra)}


def update(table, key, expression, **extra):
    return {"Update": dict({"TableName": table, "Key": key, "UpdateExpression": expression}, **extra)}


def get(ddb, table, key):
    return ddb.get_item(TableName=table, Key=key, ConsistentRead=True).get("Item")


def reasons_of(resp):
    code, message = error_of(resp)
    assert code == "TransactionCanceledException", resp
    reasons = resp.json["CancellationReasons"]
    assert message == CANCELLED + "[" + ", ".join(r["Code"] for r in reasons) + "]"
    return reasons


@pytest.fixture
def tables(ddb, make_table):
    first, second = make_table("pk:S"), make_table("pk:S", "sk:N")
    ddb.put_item(TableName=first, Item={"pk": s("acct"), "balance": n(100)})
    ddb.put_item(TableName=second, Item={"pk": s("x"), "sk": n(1), "v": s("old")})
    return first, second


def test_four_actions_over_two_tables(ddb, raw, tables):
    first, second = tables
    ddb.put_item(TableName=first, Item={"pk": s("doomed")})
    resp = raw("TransactWriteItems", {"TransactItems": [
        check(first, {"pk": s("acct")}, "attribute_exists(pk)"),
        put(second, {"pk": s("x"), "sk": n(2), "v": s("new")}),
        update(second, {"pk": s("x"), "sk": n(1)}, "SET v = :v", ExpressionAttributeValues={":v": s("changed")}),
        delete(first, {"pk": s("doomed")})]})
    assert resp.status == 200 and resp.json == {}, resp
    assert get(ddb, second, {"pk": s("x"), "sk": n(2)})["v"] == s("new")
    assert get(ddb, second, {"pk": s("x"), "sk": n(1)})["v"] == s("changed")
    assert get(ddb, first, {"pk": s("doomed")}) is None
    assert get(ddb, first, {"pk": s("acct")}) == {"pk": s("acct"), "balance": n(100)}


def test_update_creates_missing_item(ddb, raw, tables):
    first, _ = tables
    resp = raw("TransactWriteItems", {"TransactItems": [
        update(first, {"pk": s("fresh")}, "ADD c :one", ExpressionAttributeValues={":one": n(1)})]})
    assert resp.status == 200, resp
    assert get(ddb, first, {"pk": s("fresh")}) == {"pk": s("fresh"), "c": n(1)}


def test_failed_update_condition_cancels_everything(ddb, raw, tables):
    first, second = tables
    resp = raw("TransactWriteItems", {"TransactItems": [
        put(second, {"pk": s("x"), "sk": n(3)}),
        update(first, {"pk": s("acct")}, "SET balance = balance - :amount", ConditionExpression="balance >= :amount",
               ExpressionAttributeValues={":amount": n(500)}, ReturnValuesOnConditionCheckFailure="ALL_OLD")]})
    reasons = reasons_of(resp)
    assert reasons[0] == {"Code": "None"}
    assert reasons[1]["Code"] == "ConditionalCheckFailed"
    assert reasons[1]["Message"] == "The conditional request failed"
    assert reasons[1]["Item"] == {"pk": s("acct"), "balance": n(100)}
    assert get(ddb, second, {"pk": s("x"), "sk": n(3)}) is None
    assert get(ddb, first, {"pk": s("acct")})["balance"] == n(100)


def test_condition_check_and_put_conditions(ddb, raw, tables):
    first, second = tables
    resp = raw("TransactWriteItems", {"TransactItems": [
        check(first, {"pk": s("acct")}, "attribute_not_exists(pk)", ReturnValuesOnConditionCheckFailure="ALL_OLD"),
        put(second, {"pk": s("x"), "sk": n(1)}, ConditionExpression="attribute_not_exists(pk)"),
        delete(first, {"pk": s("nobody")}, ConditionExpression="attribute_exists(pk)",
               ReturnValuesOnConditionCheckFailure="ALL_OLD")]})
    reasons = reasons_of(resp)
    assert [r["Code"] for r in reasons] == ["ConditionalCheckFailed"] * 3
    assert reasons[0]["Item"] == {"pk": s("acct"), "balance": n(100)}
    assert "Item" not in reasons[1]  # ALL_OLD not asked for
    assert "Item" not in reasons[2]  # no item to return
    assert get(ddb, second, {"pk": s("x"), "sk": n(1)})["v"] == s("old")


def test_key_of_wrong_type_is_a_validation_error_reason(raw, tables):
    first, _ = tables
    resp = raw("TransactWriteItems", {"TransactItems": [
        put(first, {"pk": s("fine")}), delete(first, {"pk": n(1)})]})
    reasons = reasons_of(resp)
    assert reasons[0] == {"Code": "None"}
    assert reasons[1]["Code"] == "ValidationError"
    if not target.is_dynamodb_local:
        assert reasons[1]["Message"] == "The provided key element does not match the schema"


def test_update_of_wrong_type_cancels(ddb, raw, tables):
    first, _ = tables
    ddb.put_item(TableName=first, Item={"pk": s("named"), "name": s("text")})
    resp = raw("TransactWriteItems", {"TransactItems": [
        put(first, {"pk": s("later")}),
        update(first, {"pk": s("named")}, "SET #n = #n + :one", ExpressionAttributeNames={"#n": "name"},
               ExpressionAttributeValues={":one": n(1)})]})
    if target.is_dynamodb_local:
        assert_error(resp, "ValidationException", "An operand in the update expression has an incorrect data type")
    else:
        reasons = reasons_of(resp)
        assert reasons == [{"Code": "None"}, {"Code": "ValidationError",
                                              "Message": "An operand in the update expression has an incorrect data type"}]
    assert get(ddb, first, {"pk": s("later")}) is None


def test_updating_a_key_attribute_refused(raw, tables):
    first, _ = tables
    resp = raw("TransactWriteItems", {"TransactItems": [
        update(first, {"pk": s("acct")}, "SET pk = :v", ExpressionAttributeValues={":v": s("other")})]})
    assert_error(resp, "ValidationException", "One or more parameter values were invalid: Cannot update attribute pk. "
                 "This attribute is part of the key", local=("TransactionCanceledException", None))


def test_same_item_twice_refused(raw, tables):
    first, _ = tables
    resp = raw("TransactWriteItems", {"TransactItems": [
        put(first, {"pk": s("twice")}), delete(first, {"pk": s("twice")})]})
    assert_error(resp, "ValidationException", "Transaction request cannot include multiple operations on one item")


@pytest.mark.parametrize("mode", ["TOTAL", "INDEXES"])
def test_consumed_capacity(raw, tables, mode):
    first, second = tables
    resp = raw("TransactWriteItems", {"ReturnConsumedCapacity": mode, "TransactItems": [
        put(first, {"pk": s("c1")}), put(first, {"pk": s("c2")}), delete(second, {"pk": s("x"), "sk": n(9)})]})
    assert resp.status == 200, resp
    capacity = {entry["TableName"]: entry for entry in resp.json["ConsumedCapacity"]}
    assert set(capacity) == {first, second}
    if not target.is_dynamodb_local:
        assert capacity[first]["CapacityUnits"] == 4.0  # two 1-unit writes, each counted twice
        assert capacity[second]["CapacityUnits"] == 2.0


def test_client_request_token_replays_without_writing(ddb, raw, tables):
    first, _ = tables
    token = str(uuid.uuid4())
    body = {"ClientRequestToken": token, "TransactItems": [
        update(first, {"pk": s("acct")}, "SET balance = balance + :one", ExpressionAttributeValues={":one": n(1)})]}
    assert raw("TransactWriteItems", body).status == 200
    assert get(ddb, first, {"pk": s("acct")})["balance"] == n(101)
    again = raw("TransactWriteItems", body)
    assert again.status == 200, again
    assert get(ddb, first, {"pk": s("acct")})["balance"] == n(101)


def test_client_request_token_with_other_request(raw, tables):
    first, _ = tables
    token = str(uuid.uuid4())
    assert raw("TransactWriteItems", {"ClientRequestToken": token, "TransactItems": [put(first, {"pk": s("t1")})]}).status == 200
    resp = raw("TransactWriteItems", {"ClientRequestToken": token, "TransactItems": [put(first, {"pk": s("t2")})]})
    assert_error(resp, "IdempotentParameterMismatchException",
                 "The request uses the same client token as a previous, but non-identical request.", local="")


def test_failed_transaction_does_not_keep_its_token(ddb, raw, tables):
    first, _ = tables
    token = str(uuid.uuid4())
    body = {"ClientRequestToken": token, "TransactItems": [
        update(first, {"pk": s("gate")}, "SET v = :v", ConditionExpression="attribute_exists(pk)",
               ExpressionAttributeValues={":v": s("done")})]}
    reasons_of(raw("TransactWriteItems", body))
    ddb.put_item(TableName=first, Item={"pk": s("gate")})
    assert raw("TransactWriteItems", body).status == 200
    assert get(ddb, first, {"pk": s("gate")})["v"] == s("done")


def test_client_request_token_too_long(raw, tables):
    first, _ = tables
    resp = raw("TransactWriteItems", {"ClientRequestToken": "x" * 37, "TransactItems": [put(first, {"pk": s("a")})]})
    message = ("Value '" + "x" * 37 + "' at 'clientRequestToken' failed to satisfy constraint: "
               "Member must have length less than or equal to 36")
    assert_error(resp, "ValidationException", "1 validation error detected: " + message,
                 local=message.replace("'" + "x" * 37 + "'", "x" * 37))


def test_missing_transact_items(raw):
    message = "Value null at 'transactItems' failed to satisfy constraint: Member must not be null"
    assert_error(raw("TransactWriteItems", {}), "ValidationException", "1 validation error detected: " + message,
                 local=message)


def test_empty_transact_items(raw):
    assert_error(raw("TransactWriteItems", {"TransactItems": []}), "ValidationException",
                 "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: "
                 "Member must have length greater than or equal to 1",
                 local="Value [] at 'transactItems' failed to satisfy constraint: Member must have length greater "
                       "than or equal to 1")


def test_more_than_100_actions(raw, tables):
    first, _ = tables
    resp = raw("TransactWriteItems", {"TransactItems": [put(first, {"pk": s(str(i))}) for i in range(101)]})
    code, message = error_of(resp)
    assert code == "ValidationException"
    assert message.endswith("Member must have length less than or equal to 100")


def test_exactly_100_actions(ddb, raw, tables):
    first, _ = tables
    resp = raw("TransactWriteItems", {"TransactItems": [put(first, {"pk": s(f"h{i}")}) for i in range(100)]})
    assert resp.status == 200, resp
    assert get(ddb, first, {"pk": s("h99")}) is not None


def test_entry_without_action(raw):
    assert_error(raw("TransactWriteItems", {"TransactItems": [{}]}), "ValidationException",
                 "Invalid Request: TransactWriteRequest should contain Delete or Put or Update request")


def test_entry_with_two_actions(raw, tables):
    first, _ = tables
    entry = dict(put(first, {"pk": s("a")}), **delete(first, {"pk": s("b")}))
    assert_error(raw("TransactWriteItems", {"TransactItems": [entry]}), "ValidationException",
                 "TransactItems can only contain one of Check, Put, Update or Delete")


def test_condition_check_without_condition(raw, tables):
    first, _ = tables
    message = ("Value null at 'transactItems.1.member.conditionCheck.conditionExpression' failed to satisfy "
               "constraint: Member must not be null")
    resp = raw("TransactWriteItems", {"TransactItems": [{"ConditionCheck": {"TableName": first, "Key": {"pk": s("a")}}}]})
    assert_error(resp, "ValidationException", "1 validation error detected: " + message, local=message)


def test_update_without_update_expression(raw, tables):
    if target.is_dynamodb_local:
        pytest.skip("DynamoDB Local accepts an Update without UpdateExpression")
    first, _ = tables
    resp = raw("TransactWriteItems", {"TransactItems": [{"Update": {"TableName": first, "Key": {"pk": s("a")}}}]})
    assert_error(resp, "ValidationException", "1 validation error detected: Value null at "
                 "'transactItems.1.member.update.updateExpression' failed to satisfy constraint: Member must not be null")


def test_put_without_item(raw, tables):
    first, _ = tables
    message = "Value null at 'transactItems.1.member.put.item' failed to satisfy constraint: Member must not be null"
    resp = raw("TransactWriteItems", {"TransactItems": [{"Put": {"TableName": first}}]})
    assert_error(resp, "ValidationException", "1 validation error detected: " + message, local=message)


def test_table_not_found(raw):
    resp = raw("TransactWriteItems", {"TransactItems": [put("no_such_table_x", {"pk": s("a")})]})
    assert_error(resp, "ResourceNotFoundException", "Requested resource not found", local=LOCAL_NO_TABLE)


def test_payload_over_4_mb(ddb, raw, tables):
    first, _ = tables
    resp = raw("TransactWriteItems", {"TransactItems": [
        put(first, {"pk": s(str(i)), "d": s("x" * 390000)}) for i in range(11)]})
    assert_error(resp, "ValidationException", "Transaction payload size cannot exceed 4MB. Payload Size: 4290045")
    assert get(ddb, first, {"pk": s("0")}) is None
