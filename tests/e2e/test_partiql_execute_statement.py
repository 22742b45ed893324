"""ExecuteStatement with boto3: SELECT (Query, Scan, index reads, ORDER BY, projections, filters,
parameters, paging with NextToken), INSERT, UPDATE and DELETE (RETURNING, conditions,
ReturnValuesOnConditionCheckFailure), request validation, and the stream records PartiQL writes
produce. These run against eddy or DynamoDB Local (EDDY_ENDPOINT).

Sources of the expected error texts: "Local" means recorded from DynamoDB Local 3.3.0 (the oracle in
../shared/oracle); "AWS" means the AWS API reference or the botocore service model, which win where
DynamoDB Local differs (then `local=` carries DynamoDB Local's answer).
"""
import pytest
from botocore.exceptions import ClientError

from e2e_helpers import assert_error, target, validation_errors, constraint
from test_streams_support import create_stream_table, read_all, streams_client

NO_TABLE = "Cannot do operations on a non-existent table"  # Local


def s(value):
    return {"S": value}


def n(value):
    return {"N": str(value)}


@pytest.fixture
def table(make_table):
    """pk S / sk N, with the GSI gsi on gk S / gs N (all attributes projected)."""
    return make_table(
        "pk:S", "sk:N",
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                              {"AttributeName": "sk", "AttributeType": "N"},
                              {"AttributeName": "gk", "AttributeType": "S"},
                              {"AttributeName": "gs", "AttributeType": "N"}],
        GlobalSecondaryIndexes=[{"IndexName": "gsi",
                                 "KeySchema": [{"AttributeName": "gk", "KeyType": "HASH"},
                                               {"AttributeName": "gs", "KeyType": "RANGE"}],
                                 "Projection": {"ProjectionType": "ALL"}}])


def run(ddb, statement, **kwargs):
    response = ddb.execute_statement(Statement=statement, **kwargs)
    response.pop("ResponseMetadata", None)
    return response


def fill(ddb, table, pk, count):
    for i in range(count):
        run(ddb, f"INSERT INTO \"{table}\" VALUE {{'pk': '{pk}', 'sk': {i}, 'x': {i}, 'gk': 'g', 'gs': {i}}}")


def item(pk, sk, **rest):
    out = {"pk": s(pk), "sk": n(sk)}
    out.update(rest)
    return out


def seeded(pk, sk):
    return item(pk, sk, x=n(sk), gk=s("g"), gs=n(sk))


def get(ddb, table, pk, sk):
    return ddb.get_item(TableName=table, Key={"pk": s(pk), "sk": n(sk)}, ConsistentRead=True).get("Item")


# ---- INSERT ------------------------------------------------------------------------------------

def test_insert_stores_the_item_and_refuses_an_existing_key(ddb, table):
    response = run(ddb, f"INSERT INTO \"{table}\" VALUE {{'pk': 'a', 'sk': 1, 'l': [1, 'two'], 'm': {{'k': true}}, "
                        "'ss': <<'x', 'y'>>, 'nul': null}")
    assert response == {"Items": []}
    stored = get(ddb, table, "a", 1)
    assert stored["l"] == {"L": [n(1), s("two")]}
    assert stored["m"] == {"M": {"k": {"BOOL": True}}}
    assert sorted(stored["ss"]["SS"]) == ["x", "y"]
    assert stored["nul"] == {"NULL": True}
    with pytest.raises(ClientError) as e:
        run(ddb, f"INSERT INTO \"{table}\" VALUE {{'pk': 'a', 'sk': 1, 'other': 2}}")
    # AWS model: DuplicateItemException; DynamoDB Local's __type reads DuplicateItem.
    assert_error(e, "DuplicateItemException", "Duplicate primary key exists in table",
                 local=("DuplicateItem", "Duplicate primary key exists in table"))
    assert "other" not in get(ddb, table, "a", 1)  # INSERT is no upsert


def test_insert_with_parameters(ddb, table):
    run(ddb, f"INSERT INTO \"{table}\" VALUE {{'pk': ?, 'sk': ?, 'b': ?}}",
        Parameters=[s("p"), n(7), {"B": b"\x01\x02"}])
    assert get(ddb, table, "p", 7) == {"pk": s("p"), "sk": n(7), "b": {"B": b"\x01\x02"}}


# ---- SELECT ------------------------------------------------------------------------------------

def test_select_by_partition_is_a_query_in_sort_key_order(ddb, table):
    fill(ddb, table, "a", 4)
    fill(ddb, table, "b", 2)
    assert run(ddb, f"SELECT * FROM \"{table}\" WHERE pk = 'a'")["Items"] == [seeded("a", i) for i in range(4)]
    assert run(ddb, f"SELECT * FROM \"{table}\" WHERE pk = 'a' ORDER BY sk DESC")["Items"] == \
        [seeded("a", i) for i in reversed(range(4))]
    assert run(ddb, f"SELECT * FROM \"{table}\" WHERE pk = 'a' AND sk BETWEEN 1 AND 2")["Items"] == \
        [seeded("a", 1), seeded("a", 2)]
    assert run(ddb, f"SELECT * FROM \"{table}\" WHERE pk = 'a' AND sk > 1 AND x <> 3")["Items"] == [seeded("a", 2)]
    assert run(ddb, f"SELECT * FROM \"{table}\" WHERE pk = 'zz'")["Items"] == []


def test_select_of_several_partitions_and_scans(ddb, table):
    fill(ddb, table, "a", 2)
    fill(ddb, table, "b", 2)
    got = run(ddb, f"SELECT * FROM \"{table}\" WHERE pk IN ['b', 'a']")["Items"]
    assert sorted(got, key=lambda i: (i["pk"]["S"], i["sk"]["N"])) == \
        [seeded("a", 0), seeded("a", 1), seeded("b", 0), seeded("b", 1)]
    scanned = run(ddb, f"SELECT * FROM \"{table}\" WHERE x = 1")["Items"]
    assert sorted(scanned, key=lambda i: i["pk"]["S"]) == [seeded("a", 1), seeded("b", 1)]
    assert len(run(ddb, f"SELECT * FROM \"{table}\"")["Items"]) == 4


def test_select_projection_functions_and_parameters(ddb, table):
    run(ddb, f"INSERT INTO \"{table}\" VALUE {{'pk': 'a', 'sk': 1, 'name': 'alpha', 'tags': <<'t1'>>, 'n': 5}}")
    run(ddb, f"INSERT INTO \"{table}\" VALUE {{'pk': 'a', 'sk': 2, 'name': 'beta', 'n': 6}}")
    assert run(ddb, f"SELECT name, n FROM \"{table}\" WHERE pk = 'a'")["Items"] == \
        [{"name": s("alpha"), "n": n(5)}, {"name": s("beta"), "n": n(6)}]
    assert run(ddb, f"SELECT sk FROM \"{table}\" WHERE pk = 'a' AND begins_with(name, 'be')")["Items"] == [{"sk": n(2)}]
    assert run(ddb, f"SELECT sk FROM \"{table}\" WHERE pk = 'a' AND contains(tags, 't1')")["Items"] == [{"sk": n(1)}]
    assert run(ddb, f"SELECT sk FROM \"{table}\" WHERE pk = 'a' AND tags IS MISSING")["Items"] == [{"sk": n(2)}]
    assert run(ddb, f"SELECT sk FROM \"{table}\" WHERE pk = 'a' AND attribute_type(n, 'N') AND size(name) = 5"
               )["Items"] == [{"sk": n(1)}]
    assert run(ddb, f"SELECT sk FROM \"{table}\" WHERE pk = ? AND n >= ?", Parameters=[s("a"), n(6)])["Items"] == \
        [{"sk": n(2)}]


def test_select_from_an_index(ddb, table):
    fill(ddb, table, "a", 3)
    got = run(ddb, f"SELECT pk, sk FROM \"{table}\".\"gsi\" WHERE gk = 'g' AND gs >= 1")["Items"]
    assert got == [{"pk": s("a"), "sk": n(1)}, {"pk": s("a"), "sk": n(2)}]
    with pytest.raises(ClientError) as e:
        run(ddb, f"SELECT * FROM \"{table}\".\"nope\"")
    assert_error(e, "ValidationException", "The table does not have the specified index: nope")  # Local


def test_paging_with_limit_and_next_token(ddb, table):
    fill(ddb, table, "a", 5)
    pages, token = [], None
    while True:
        kwargs = {"NextToken": token} if token else {}
        page = run(ddb, f"SELECT * FROM \"{table}\" WHERE pk = 'a'", Limit=2, **kwargs)
        pages.append(page["Items"])
        token = page.get("NextToken")
        if not target.is_dynamodb_local and token:  # DynamoDB Local sends no LastEvaluatedKey
            assert page["LastEvaluatedKey"] == {"pk": s("a"), "sk": page["Items"][-1]["sk"]}
        if not token:
            break
    assert pages == [[seeded("a", 0), seeded("a", 1)], [seeded("a", 2), seeded("a", 3)], [seeded("a", 4)]]


def test_paging_counts_evaluated_items_not_matches(ddb, table):
    fill(ddb, table, "a", 4)
    page = run(ddb, f"SELECT * FROM \"{table}\" WHERE pk = 'a' AND x > 1", Limit=2)
    assert page["Items"] == [] and "NextToken" in page
    rest = run(ddb, f"SELECT * FROM \"{table}\" WHERE pk = 'a' AND x > 1", Limit=2, NextToken=page["NextToken"])
    assert rest["Items"] == [seeded("a", 2), seeded("a", 3)]


def test_paging_across_partitions(ddb, table):
    fill(ddb, table, "a", 2)
    fill(ddb, table, "b", 2)
    seen, token = [], None
    while True:
        kwargs = {"NextToken": token} if token else {}
        page = run(ddb, f"SELECT * FROM \"{table}\" WHERE pk IN ['a', 'b']", Limit=3, **kwargs)
        seen += page["Items"]
        token = page.get("NextToken")
        if not token:
            break
    assert sorted(seen, key=lambda i: (i["pk"]["S"], i["sk"]["N"])) == \
        [seeded("a", 0), seeded("a", 1), seeded("b", 0), seeded("b", 1)]


def test_paging_of_a_scan_over_one_megabyte(ddb, table):
    big = "v" * 300_000
    for i in range(5):
        ddb.put_item(TableName=table, Item={"pk": s(f"p{i}"), "sk": n(0), "big": s(big)})
    pages, token = 0, None
    count = 0
    while True:
        kwargs = {"NextToken": token} if token else {}
        page = run(ddb, f"SELECT pk FROM \"{table}\"", **kwargs)
        pages += 1
        count += len(page["Items"])
        token = page.get("NextToken")
        if not token:
            break
    assert count == 5 and pages >= 2


def test_invalid_next_token(ddb, raw, table):
    fill(ddb, table, "a", 1)
    for token in ["garbage", "eyJ2ZXJzaW9uIjoiVjEifQ=="]:
        with pytest.raises(ClientError) as e:
            run(ddb, f"SELECT * FROM \"{table}\" WHERE pk = 'a'", NextToken=token)
        assert_error(e, "ValidationException", "Invalid NextToken")  # Local
    response = raw("ExecuteStatement", {"Statement": f"SELECT * FROM \"{table}\"", "NextToken": ""})
    assert_error(response, "ValidationException", "Invalid NextToken")  # Local
    response = raw("ExecuteStatement", {"Statement": f"SELECT * FROM \"{table}\"", "NextToken": "x" * 32769})
    assert_error(response, "ValidationException", "Member must have length less than or equal to 32768")  # Local


# ---- UPDATE ------------------------------------------------------------------------------------

def test_update_set_remove_and_functions(ddb, table):
    run(ddb, f"INSERT INTO \"{table}\" VALUE {{'pk': 'a', 'sk': 1, 'c': 1, 'l': [1], 'ss': <<'a'>>, 'gone': 1}}")
    response = run(ddb, f"UPDATE \"{table}\" SET c = c + 2 SET l = list_append(l, [2]) SET ss = set_add(ss, <<'b'>>) "
                        "SET fresh = 'new' REMOVE gone WHERE pk = 'a' AND sk = 1")
    assert response == {"Items": []}
    stored = get(ddb, table, "a", 1)
    assert stored["c"] == n(3)
    assert stored["l"] == {"L": [n(1), n(2)]}
    assert sorted(stored["ss"]["SS"]) == ["a", "b"]
    assert stored["fresh"] == s("new")
    assert "gone" not in stored


def test_update_returning(ddb, table):
    run(ddb, f"INSERT INTO \"{table}\" VALUE {{'pk': 'a', 'sk': 1, 'x': 1, 'y': 1}}")
    where = f"WHERE pk = 'a' AND sk = 1"
    assert run(ddb, f"UPDATE \"{table}\" SET x = 2 {where} RETURNING ALL NEW *")["Items"] == \
        [item("a", 1, x=n(2), y=n(1))]
    assert run(ddb, f"UPDATE \"{table}\" SET x = 3 {where} RETURNING MODIFIED NEW *")["Items"] == [{"x": n(3)}]
    assert run(ddb, f"UPDATE \"{table}\" SET x = 4 {where} RETURNING MODIFIED OLD *")["Items"] == [{"x": n(3)}]
    assert run(ddb, f"UPDATE \"{table}\" SET x = 5 {where} RETURNING ALL OLD *")["Items"] == \
        [item("a", 1, x=n(4), y=n(1))]
    # Nothing was there to return (Local): no item.
    assert run(ddb, f"UPDATE \"{table}\" REMOVE zz {where} RETURNING MODIFIED OLD *")["Items"] == []


def test_update_of_an_absent_item_or_a_failed_condition(ddb, raw, table):
    with pytest.raises(ClientError) as e:
        run(ddb, f"UPDATE \"{table}\" SET x = 1 WHERE pk = 'none' AND sk = 1")
    assert_error(e, "ConditionalCheckFailedException", "The conditional request failed")  # Local
    assert get(ddb, table, "none", 1) is None  # UPDATE never creates
    run(ddb, f"INSERT INTO \"{table}\" VALUE {{'pk': 'a', 'sk': 1, 'x': 10}}")
    with pytest.raises(ClientError) as e:
        run(ddb, f"UPDATE \"{table}\" SET x = 9 WHERE pk = 'a' AND sk = 1 AND x = 3")
    assert_error(e, "ConditionalCheckFailedException", "The conditional request failed")  # Local
    # Debian's botocore predates ReturnValuesOnConditionCheckFailure on ExecuteStatement: raw.
    response = raw("ExecuteStatement", {"Statement": f"UPDATE \"{table}\" SET x = 9 WHERE pk = 'a' AND sk = 1 AND x = 3",
                                        "ReturnValuesOnConditionCheckFailure": "ALL_OLD"})
    assert_error(response, "ConditionalCheckFailedException", "The conditional request failed")  # Local
    assert response.json["Item"] == item("a", 1, x=n(10))
    assert get(ddb, table, "a", 1) == item("a", 1, x=n(10))


def test_update_of_a_key_attribute(ddb, table):
    run(ddb, f"INSERT INTO \"{table}\" VALUE {{'pk': 'a', 'sk': 1}}")
    with pytest.raises(ClientError) as e:
        run(ddb, f"UPDATE \"{table}\" SET sk = 5 WHERE pk = 'a' AND sk = 1")
    assert_error(e, "ValidationException",  # Local
                 "One or more parameter values were invalid: Cannot update attribute sk. This attribute is part of the key")


# ---- DELETE ------------------------------------------------------------------------------------

def test_delete_returning_and_conditions(ddb, raw, table):
    run(ddb, f"INSERT INTO \"{table}\" VALUE {{'pk': 'a', 'sk': 1, 'x': 1}}")
    run(ddb, f"INSERT INTO \"{table}\" VALUE {{'pk': 'a', 'sk': 2, 'x': 2}}")
    with pytest.raises(ClientError) as e:
        run(ddb, f"DELETE FROM \"{table}\" WHERE pk = 'a' AND sk = 2 AND x = 99")
    assert_error(e, "ConditionalCheckFailedException", "The conditional request failed")  # Local
    response = raw("ExecuteStatement", {"Statement": f"DELETE FROM \"{table}\" WHERE pk = 'a' AND sk = 2 AND x = 99",
                                        "ReturnValuesOnConditionCheckFailure": "ALL_OLD"})
    assert response.json["Item"] == item("a", 2, x=n(2))
    assert run(ddb, f"DELETE FROM \"{table}\" WHERE pk = 'a' AND sk = 1 RETURNING ALL OLD *")["Items"] == \
        [item("a", 1, x=n(1))]
    assert get(ddb, table, "a", 1) is None
    assert run(ddb, f"DELETE FROM \"{table}\" WHERE pk = 'a' AND sk = 1 RETURNING ALL OLD *")["Items"] == []
    assert run(ddb, f"DELETE FROM \"{table}\" WHERE pk = 'a' AND sk = 2")["Items"] == []
    assert get(ddb, table, "a", 2) is None


# ---- request validation and errors -----------------------------------------------------------

def test_request_validation(ddb, raw, table):
    response = raw("ExecuteStatement", {"Statement": f"SELECT * FROM \"{table}\"", "Limit": 0})
    assert_error(response, "ValidationException",  # Local
                 validation_errors(constraint(0, "limit", "Member must have value greater than or equal to 1")))
    response = raw("ExecuteStatement", {"Statement": f"SELECT * FROM \"{table}\"",
                                        "ReturnValuesOnConditionCheckFailure": "BAD"})
    assert_error(response, "ValidationException", validation_errors(constraint(  # Local
        "BAD", "returnValuesOnConditionCheckFailure", "Member must satisfy enum value set: [ALL_OLD, NONE]")))
    response = raw("ExecuteStatement", {"Statement": "SELECT * FROM x" + " " * 8192})
    assert_error(response, "ValidationException", "Member must have length less than or equal to 8192")  # Local
    response = raw("ExecuteStatement", {"Statement": ""})
    assert_error(response, "ValidationException", "Statement wasn't well formed, can't be processed: ")  # Local
    if not target.is_dynamodb_local:  # DynamoDB Local answers InternalFailure; AWS model: Statement is required
        response = raw("ExecuteStatement", {})
        assert_error(response, "ValidationException",
                     validation_errors(constraint(None, "statement", "Member must not be null")))


def test_statement_errors(ddb, table):
    cases = [  # all Local
        (f"SELECT * FROM \"{table}\" WHERE", "ValidationException",
         f"Statement wasn't well formed, can't be processed: SELECT * FROM \"{table}\" WHERE"),
        ("SELECT * FROM nope_table_x", "ResourceNotFoundException", NO_TABLE),
        (f"SELECT * FROM \"{table}\" WHERE pk = 1", "ValidationException",
         "Key attribute's data type should match its data type in table's schema: Key pk"),
        (f"UPDATE \"{table}\" SET x = 1 WHERE pk = 'a'", "ValidationException",
         "Where clause does not contain a mandatory equality on all key attributes"),
        (f"INSERT INTO \"{table}\" VALUE {{'pk': 'a'}}", "ValidationException",
         "Key attribute should be present in the item: Key sk"),
        (f"SELECT * FROM \"{table}\" WHERE pk = ?", "ValidationException",
         "Number of parameters in request and statement don't match."),
        (f"EXISTS(SELECT * FROM \"{table}\" WHERE pk = 'a' AND sk = 1 AND x = 1)", "ValidationException",
         "EXISTS can only be used in ExecuteTransaction write requests."),
    ]
    for statement, code, message in cases:
        with pytest.raises(ClientError) as e:
            run(ddb, statement)
        assert_error(e, code, message)


def test_consumed_capacity(ddb, table):
    if target.is_dynamodb_local:
        pytest.skip("DynamoDB Local returns no ConsumedCapacity for ExecuteStatement")
    write = run(ddb, f"INSERT INTO \"{table}\" VALUE {{'pk': 'a', 'sk': 1}}", ReturnConsumedCapacity="TOTAL")
    assert write["ConsumedCapacity"] == {"TableName": table, "CapacityUnits": 1.0}
    write = run(ddb, f"INSERT INTO \"{table}\" VALUE {{'pk': 'a', 'sk': 2, 'gk': 'g', 'gs': 1}}",
                ReturnConsumedCapacity="INDEXES")
    assert write["ConsumedCapacity"] == {"TableName": table, "CapacityUnits": 2.0, "Table": {"CapacityUnits": 1.0},
                                         "GlobalSecondaryIndexes": {"gsi": {"CapacityUnits": 1.0}}}
    read = run(ddb, f"SELECT * FROM \"{table}\" WHERE pk = 'a'", ReturnConsumedCapacity="TOTAL", ConsistentRead=True)
    assert read["ConsumedCapacity"] == {"TableName": table, "CapacityUnits": 1.0}
    assert "ConsumedCapacity" not in run(ddb, f"SELECT * FROM \"{table}\" WHERE pk = 'a'")


# ---- the write path: streams and counters ----------------------------------------------------

def test_partiql_writes_produce_stream_records(ddb, endpoint):
    name, arn = create_stream_table(ddb, "NEW_AND_OLD_IMAGES")
    try:
        run(ddb, f"INSERT INTO \"{name}\" VALUE {{'pk': 'k', 'v': 1}}")
        run(ddb, f"UPDATE \"{name}\" SET v = 2 WHERE pk = 'k'")
        run(ddb, f"DELETE FROM \"{name}\" WHERE pk = 'k'")
        records = read_all(streams_client(endpoint), arn)
        assert [r["eventName"] for r in records] == ["INSERT", "MODIFY", "REMOVE"]
        assert records[0]["dynamodb"]["NewImage"] == {"pk": s("k"), "v": n(1)}
        assert "OldImage" not in records[0]["dynamodb"]
        assert records[1]["dynamodb"]["OldImage"] == {"pk": s("k"), "v": n(1)}
        assert records[1]["dynamodb"]["NewImage"] == {"pk": s("k"), "v": n(2)}
        assert records[2]["dynamodb"]["OldImage"] == {"pk": s("k"), "v": n(2)}
        assert "NewImage" not in records[2]["dynamodb"]
        assert all(r["dynamodb"]["Keys"] == {"pk": s("k")} for r in records)
    finally:
        ddb.delete_table(TableName=name)


def test_partiql_writes_maintain_indexes(ddb, table):
    run(ddb, f"INSERT INTO \"{table}\" VALUE {{'pk': 'a', 'sk': 1, 'gk': 'g', 'gs': 1}}")
    run(ddb, f"UPDATE \"{table}\" SET gs = 5 WHERE pk = 'a' AND sk = 1")
    got = ddb.query(TableName=table, IndexName="gsi", KeyConditionExpression="gk = :g",
                    ExpressionAttributeValues={":g": s("g")})["Items"]
    assert got == [item("a", 1, gk=s("g"), gs=n(5))]
    run(ddb, f"DELETE FROM \"{table}\" WHERE pk = 'a' AND sk = 1")
    assert ddb.query(TableName=table, IndexName="gsi", KeyConditionExpression="gk = :g",
                     ExpressionAttributeValues={":g": s("g")})["Items"] == []


def test_partiql_writes_count_items(ddb, table):
    fill(ddb, table, "a", 3)
    run(ddb, f"DELETE FROM \"{table}\" WHERE pk = 'a' AND sk = 0")
    run(ddb, f"UPDATE \"{table}\" SET x = 7 WHERE pk = 'a' AND sk = 1")
    description = ddb.describe_table(TableName=table)["Table"]
    assert description["ItemCount"] == 2
    assert description["GlobalSecondaryIndexes"][0]["ItemCount"] == 2


def test_empty_parameters(ddb, raw, table):
    response = raw("ExecuteStatement", {"Statement": f"SELECT * FROM \"{table}\"", "Parameters": []})
    if target.is_dynamodb_local:
        assert response.status == 200  # DynamoDB Local takes an empty list
        return
    # AWS model: PreparedStatementParameters has at least one member.
    assert_error(response, "ValidationException", validation_errors(
        constraint("[]", "parameters", "Member must have length greater than or equal to 1")))
