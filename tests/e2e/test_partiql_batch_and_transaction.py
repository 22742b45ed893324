"""BatchExecuteStatement and ExecuteTransaction with boto3: batch reads by key and writes with their
per-statement Error {Code, Message[, Item]}, in order; transactions of reads or of writes with
EXISTS condition checks, cancellation reasons, conflicts with TransactWriteItems' claims and
ClientRequestToken idempotency. These run against eddy or DynamoDB Local (EDDY_ENDPOINT).

Sources of the expected texts: "Local" is DynamoDB Local 3.3.0 (../shared/oracle), "AWS" the API
reference or the botocore model; `local=` carries DynamoDB Local's answer where AWS's differs.
"""
import uuid

import pytest
from botocore.exceptions import ClientError

from e2e_helpers import assert_error, target
from test_streams_support import create_stream_table, read_all, streams_client

CANCELLED = "Transaction cancelled, please refer cancellation reasons for specific reasons "


def s(value):
    return {"S": value}


def n(value):
    return {"N": str(value)}


@pytest.fixture
def table(make_table, ddb):
    name = make_table("pk:S", "sk:N")
    for i in range(3):
        ddb.put_item(TableName=name, Item={"pk": s("a"), "sk": n(i), "x": n(i)})
    return name


def stmts(*texts):
    return [{"Statement": t} for t in texts]


def batch(ddb, *texts, **kwargs):
    response = ddb.batch_execute_statement(Statements=stmts(*texts), **kwargs)
    return response["Responses"]


def get(ddb, table, pk, sk):
    return ddb.get_item(TableName=table, Key={"pk": s(pk), "sk": n(sk)}, ConsistentRead=True).get("Item")


# ---- BatchExecuteStatement ---------------------------------------------------------------------

def test_batch_reads_answer_in_order_with_their_errors(ddb, table):
    t = f'"{table}"'
    responses = ddb.batch_execute_statement(Statements=[
        {"Statement": f"SELECT * FROM {t} WHERE pk = 'a' AND sk = 1"},
        {"Statement": f"SELECT * FROM {t} WHERE pk = 'a' AND sk = 99"},
        {"Statement": "SELECT * FROM nope_table_x WHERE pk = 'a' AND sk = 1"},
        {"Statement": f"SELECT * FROM {t} WHERE pk = 'a'"},
        {"Statement": "SELEC"},
        {"Statement": f"SELECT x FROM {t} WHERE pk = 'a' AND sk = ?", "Parameters": [n(2)]},
        {"Statement": f"SELECT * FROM {t} WHERE pk = ? AND sk = 0"},
    ])["Responses"]
    assert responses == [  # all Local
        {"TableName": table, "Item": {"pk": s("a"), "sk": n(1), "x": n(1)}},
        {"TableName": table},
        {"Error": {"Code": "ResourceNotFound", "Message": "Cannot do operations on a non-existent table"}},
        {"Error": {"Code": "ValidationError", "Message": "Only single item select is supported"}},
        {"Error": {"Code": "ValidationError",
                   "Message": "Invalid operation. Only select, insert, update and delete operations are valid"}},
        {"TableName": table, "Item": {"x": n(2)}},
        {"Error": {"Code": "ValidationError", "Message": "Number of parameters in request and statement don't match."}},
    ]


def test_batch_writes_are_independent(ddb, raw, table):
    t = f'"{table}"'
    ddb.put_item(TableName=table, Item={"pk": s("b"), "sk": n(0)})
    responses = batch(
        ddb,
        f"INSERT INTO {t} VALUE {{'pk': 'c', 'sk': 1}}",
        f"INSERT INTO {t} VALUE {{'pk': 'a', 'sk': 1}}",
        f"UPDATE {t} SET y = 1 WHERE pk = 'a' AND sk = 2 AND x = 99",
        f"DELETE FROM {t} WHERE pk = 'a' AND sk = 0",
        f"UPDATE {t} SET y = 1 WHERE pk = 'b' AND sk = 0 RETURNING ALL NEW *",
        "INSERT INTO nope_table_x VALUE {'pk': 'c', 'sk': 1}",
        f"UPDATE {t} SET y = 1 WHERE pk = 'a'",
    )
    assert responses == [  # all Local
        {"TableName": table},
        {"TableName": table, "Error": {"Code": "DuplicateItem", "Message": "Duplicate primary key exists in table"}},
        {"TableName": table, "Error": {"Code": "ConditionalCheckFailed", "Message": "The conditional request failed"}},
        {"TableName": table},
        {"TableName": table, "Item": {"pk": s("b"), "sk": n(0), "y": n(1)}},
        {"Error": {"Code": "ResourceNotFound", "Message": "Cannot do operations on a non-existent table"}},
        {"Error": {"Code": "ValidationError",
                   "Message": "Where clause does not contain a mandatory equality on all key attributes"}},
    ]
    assert get(ddb, table, "c", 1) == {"pk": s("c"), "sk": n(1)}
    assert get(ddb, table, "a", 0) is None
    assert "y" not in get(ddb, table, "a", 2)
    response = raw("BatchExecuteStatement", {"Statements": [
        {"Statement": f"UPDATE {t} SET x = 9 WHERE pk = 'a' AND sk = 2 AND x = 3",
         "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}]})
    assert response.status == 200
    assert response.json["Responses"] == [{  # Local
        "TableName": table,
        "Error": {"Code": "ConditionalCheckFailed", "Message": "The conditional request failed",
                  "Item": {"pk": s("a"), "sk": n(2), "x": n(2)}}}]


def test_batch_request_errors(ddb, raw, table):
    t = f'"{table}"'
    read = f"SELECT * FROM {t} WHERE pk = 'a' AND sk = 1"
    write = f"INSERT INTO {t} VALUE {{'pk': 'd', 'sk': 1}}"
    cases = [  # all Local
        (stmts(write, read), "Read and write requests together in the same batch is not supported."),
        (stmts(write, f"DELETE FROM {t} WHERE pk = 'd' AND sk = 1"), "Provided list of item keys contains duplicates"),
        (stmts(read, read), "Provided list of item keys contains duplicates"),
        (stmts(*[read.replace("sk = 1", f"sk = {i}") for i in range(26)]), "BatchGetItem cannot fetch more than 25 items"),
        (stmts(*[write.replace("'sk': 1", f"'sk': {i}") for i in range(26)]),
         "BatchWriteItem cannot write more than 25 items"),
    ]
    for statements, message in cases:
        with pytest.raises(ClientError) as e:
            ddb.batch_execute_statement(Statements=statements)
        assert_error(e, "ValidationException", message)
    assert get(ddb, table, "d", 1) is None  # nothing of a refused batch was written
    assert_error(raw("BatchExecuteStatement", {"Statements": []}), "ValidationException",
                 "The statement was empty.")  # Local


# ---- ExecuteTransaction ------------------------------------------------------------------------

def test_transaction_reads(ddb, table):
    t = f'"{table}"'
    response = ddb.execute_transaction(TransactStatements=stmts(
        f"SELECT * FROM {t} WHERE pk = 'a' AND sk = 1", f"SELECT x FROM {t} WHERE pk = 'a' AND sk = 77"))
    assert response["Responses"] == [{"Item": {"pk": s("a"), "sk": n(1), "x": n(1)}}, {}]  # Local


def test_transaction_writes_commit_together(ddb, table):
    t = f'"{table}"'
    response = ddb.execute_transaction(TransactStatements=stmts(
        f"INSERT INTO {t} VALUE {{'pk': 't', 'sk': 1}}",
        f"UPDATE {t} SET y = 5 WHERE pk = 'a' AND sk = 1",
        f"DELETE FROM {t} WHERE pk = 'a' AND sk = 0",
        f"EXISTS(SELECT * FROM {t} WHERE pk = 'a' AND sk = 2 AND x = 2)"))
    assert response.get("Responses", []) == []  # Local answers "Responses": []
    assert get(ddb, table, "t", 1) == {"pk": s("t"), "sk": n(1)}
    assert get(ddb, table, "a", 1)["y"] == n(5)
    assert get(ddb, table, "a", 0) is None


def test_transaction_cancellation_reasons(ddb, raw, table):
    t = f'"{table}"'
    with pytest.raises(ClientError) as e:
        ddb.execute_transaction(TransactStatements=stmts(
            f"INSERT INTO {t} VALUE {{'pk': 'a', 'sk': 1}}",
            f"UPDATE {t} SET y = 5 WHERE pk = 'a' AND sk = 2 AND y = 4",
            f"DELETE FROM {t} WHERE pk = 'a' AND sk = 0"))
    assert_error(e, "TransactionCanceledException", CANCELLED + "[ValidationError, ConditionalCheckFailed, None]")
    assert e.value.response["CancellationReasons"] == [  # Local
        {"Code": "ValidationError", "Message": "Duplicate primary key exists in table"},
        {"Code": "ConditionalCheckFailed", "Message": "The conditional request failed"},
        {"Code": "None"}]
    assert get(ddb, table, "a", 0) is not None  # nothing was applied
    response = raw("ExecuteTransaction", {"TransactStatements": [
        {"Statement": f"INSERT INTO {t} VALUE {{'pk': 't2', 'sk': 1}}"},
        {"Statement": f"UPDATE {t} SET y = 5 WHERE pk = 'a' AND sk = 1 AND y = 4",
         "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}]})
    assert_error(response, "TransactionCanceledException", CANCELLED + "[None, ConditionalCheckFailed]")
    assert response.json["CancellationReasons"][1] == {  # Local
        "Code": "ConditionalCheckFailed", "Message": "The conditional request failed",
        "Item": {"pk": s("a"), "sk": n(1), "x": n(1)}}
    with pytest.raises(ClientError) as e:  # UPDATE of an absent item
        ddb.execute_transaction(TransactStatements=stmts(
            f"INSERT INTO {t} VALUE {{'pk': 't3', 'sk': 1}}", f"UPDATE {t} SET y = 1 WHERE pk = 'zz' AND sk = 1"))
    assert_error(e, "TransactionCanceledException", CANCELLED + "[None, ConditionalCheckFailed]")
    with pytest.raises(ClientError) as e:  # a key of the wrong type
        ddb.execute_transaction(TransactStatements=stmts(
            f"INSERT INTO {t} VALUE {{'pk': 't3', 'sk': 1}}", f"UPDATE {t} SET y = 1 WHERE pk = 'a' AND sk = 'x'"))
    assert_error(e, "TransactionCanceledException", CANCELLED + "[None, ValidationError]")
    assert e.value.response["CancellationReasons"][1] == {  # Local
        "Code": "ValidationError", "Message": "Key attribute's data type should match its data type in table's schema: Key sk"}
    with pytest.raises(ClientError) as e:  # a key attribute updated
        ddb.execute_transaction(TransactStatements=stmts(
            f"INSERT INTO {t} VALUE {{'pk': 't3', 'sk': 1}}", f"UPDATE {t} SET sk = 5 WHERE pk = 'a' AND sk = 1"))
    assert_error(e, "TransactionCanceledException", None)
    key_updated = {"Code": "ValidationError", "Message": "One or more parameter values were invalid: Cannot update "
                                                         "attribute sk. This attribute is part of the key"}  # Local
    # DynamoDB Local lists only the failed statement's reason here; DynamoDB lists one per statement.
    expected = [key_updated] if target.is_dynamodb_local else [{"Code": "None"}, key_updated]
    assert e.value.response["CancellationReasons"] == expected
    assert get(ddb, table, "t3", 1) is None


def test_exists_condition_check(ddb, table):
    t = f'"{table}"'
    with pytest.raises(ClientError) as e:
        ddb.execute_transaction(TransactStatements=stmts(
            f"EXISTS(SELECT * FROM {t} WHERE pk = 'nope' AND sk = 1 AND x = 10)",
            f"INSERT INTO {t} VALUE {{'pk': 'q9', 'sk': 1}}"))
    assert_error(e, "TransactionCanceledException", CANCELLED + "[ConditionalCheckFailed, None]")
    assert get(ddb, table, "q9", 1) is None
    ddb.execute_transaction(TransactStatements=stmts(
        f"EXISTS(SELECT * FROM {t} WHERE pk = 'a' AND sk = 1 AND x = 1)",
        f"INSERT INTO {t} VALUE {{'pk': 'q9', 'sk': 1}}"))
    assert get(ddb, table, "q9", 1) == {"pk": s("q9"), "sk": n(1)}


def test_transaction_request_errors(ddb, raw, table):
    t = f'"{table}"'
    insert = f"INSERT INTO {t} VALUE {{'pk': 't4', 'sk': 1}}"
    cases = [  # all Local
        (stmts(insert, f"SELECT * FROM {t} WHERE pk = 'a' AND sk = 1"), "ValidationException",
         "ExecuteTransaction API does not support both read and write operations in the same request."),
        (stmts(insert, f"DELETE FROM {t} WHERE pk = 't4' AND sk = 1"), "ValidationException",
         "Transaction request cannot include multiple operations on one item"),
        (stmts(f"SELECT * FROM {t} WHERE pk = 'a'"), "ValidationException",
         "Validation failed in TransactStatements[0]: Select statements within ExecuteTransaction must specify the "
         "primary key in the where clause."),
        (stmts(insert, f"UPDATE {t} SET y = 1 WHERE pk = 'a' AND sk = 1 RETURNING ALL NEW *"), "ValidationException",
         "Validation failed in TransactStatements[1]: RETURNING clause is not supported in ExecuteTransaction."),
        (stmts(insert, "SELEC"), "ValidationException", "Unsupported operation: VariableReference"),
        (stmts(insert, f"UPDATE nope_table_x SET y = 1 WHERE pk = 'a' AND sk = 1"), "ResourceNotFoundException",
         "Requested resource not found"),
        ([{"Statement": insert}, {"Statement": f"UPDATE {t} SET y = 5 WHERE pk = ? AND sk = ?",
                                  "Parameters": [s("a")]}], "ValidationException",
         "Validation failed in TransactStatements[1]: Number of parameters in request and statement don't match."),
    ]
    for statements, code, message in cases:
        with pytest.raises(ClientError) as e:
            ddb.execute_transaction(TransactStatements=statements)
        assert_error(e, code, message)
    assert get(ddb, table, "t4", 1) is None
    assert_error(raw("ExecuteTransaction", {"TransactStatements": []}), "ValidationException",
                 "ExecutePartiQLTransaction can not have empty statement.")  # Local
    assert_error(raw("ExecuteTransaction", {"TransactStatements": stmts(*[insert] * 101)}), "ValidationException",
                 "Member must have length less than or equal to 100")  # Local


def test_client_request_token(ddb, table):
    t = f'"{table}"'
    first = stmts(f"INSERT INTO {t} VALUE {{'pk': 't5', 'sk': 1}}")
    token = str(uuid.uuid4())
    ddb.execute_transaction(TransactStatements=first, ClientRequestToken=token)
    ddb.execute_transaction(TransactStatements=first, ClientRequestToken=token)  # a retry: no DuplicateItem
    with pytest.raises(ClientError) as e:
        ddb.execute_transaction(TransactStatements=stmts(f"INSERT INTO {t} VALUE {{'pk': 't6', 'sk': 1}}"),
                                ClientRequestToken=token)
    # AWS (TransactWriteItems' text, which eddy shares); DynamoDB Local words it its own way.
    assert_error(e, "IdempotentParameterMismatchException",
                 "The request uses the same client token as a previous, but non-identical request.",
                 local="Specified idempotent token was used with different request parameters within the "
                       "idempotency window")


def test_transaction_writes_produce_stream_records(ddb, endpoint):
    name, arn = create_stream_table(ddb, "NEW_AND_OLD_IMAGES")
    try:
        ddb.put_item(TableName=name, Item={"pk": s("old"), "v": n(1)})
        ddb.execute_transaction(TransactStatements=stmts(
            f"INSERT INTO \"{name}\" VALUE {{'pk': 'new', 'v': 1}}",
            f"UPDATE \"{name}\" SET v = 2 WHERE pk = 'old'"))
        ddb.batch_execute_statement(Statements=stmts(f"DELETE FROM \"{name}\" WHERE pk = 'new'"))
        # Streams order records per item; two keys may sit on different shards, so compare per key.
        per_key = {}
        for r in read_all(streams_client(endpoint), arn):
            per_key.setdefault(r["dynamodb"]["Keys"]["pk"]["S"], []).append(r["eventName"])
        assert per_key == {"old": ["INSERT", "MODIFY"], "new": ["INSERT", "REMOVE"]}
    finally:
        ddb.delete_table(TableName=name)


def test_transactions_racing_with_transact_write_items_lose_no_update(make_table, ddb, client_factory):
    """ExecuteTransaction and TransactWriteItems move units between the same two items at once: each
    transaction either commits whole or is cancelled (TransactionConflict where they overlap), and
    the items end with exactly the committed moves."""
    import threading

    name = make_table("pk:S")
    ddb.put_item(TableName=name, Item={"pk": s("a"), "v": n(1000)})
    ddb.put_item(TableName=name, Item={"pk": s("b"), "v": n(0)})
    committed, unexpected = [], []

    def partiql_moves():
        client = client_factory()
        for _ in range(60):
            try:
                client.execute_transaction(TransactStatements=stmts(
                    f"UPDATE \"{name}\" SET v = v - 1 WHERE pk = 'a'",
                    f"UPDATE \"{name}\" SET v = v + 1 WHERE pk = 'b'"))
                committed.append("partiql")
            except ClientError as e:
                if e.response["Error"]["Code"] != "TransactionCanceledException":
                    unexpected.append(e.response["Error"])

    def transact_moves():
        client = client_factory()
        for _ in range(60):
            try:
                client.transact_write_items(TransactItems=[
                    {"Update": {"TableName": name, "Key": {"pk": s("a")}, "UpdateExpression": "SET v = v - :one",
                                "ExpressionAttributeValues": {":one": n(1)}}},
                    {"Update": {"TableName": name, "Key": {"pk": s("b")}, "UpdateExpression": "SET v = v + :one",
                                "ExpressionAttributeValues": {":one": n(1)}}}])
                committed.append("transact")
            except ClientError as e:
                error = e.response["Error"]
                reasons = [r["Code"] for r in e.response.get("CancellationReasons", [])]
                if error["Code"] != "TransactionCanceledException" or "TransactionConflict" not in reasons:
                    unexpected.append(error)

    threads = [threading.Thread(target=partiql_moves), threading.Thread(target=transact_moves)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert unexpected == []
    assert {"partiql", "transact"} <= set(committed)
    a = ddb.get_item(TableName=name, Key={"pk": s("a")}, ConsistentRead=True)["Item"]["v"]["N"]
    b = ddb.get_item(TableName=name, Key={"pk": s("b")}, ConsistentRead=True)["Item"]["v"]["N"]
    assert (int(a), int(b)) == (1000 - len(committed), len(committed))
