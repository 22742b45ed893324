"""Table operations: CreateTable, DescribeTable, ListTables, UpdateTable, DeleteTable and their errors.

Where DynamoDB Local answers differently from DynamoDB, `local=` holds DynamoDB Local's answer;
DynamoDB's own texts were recorded from DynamoDB (dynalite's and moto's test suites).
"""
import re
import uuid

import pytest

from e2e_helpers import assert_error, constraint, error_of, target, validation_errors

LOCAL_BAD_NAME = ("Invalid table/index name.  Table/index names must be between 3 and 255 characters long, "
                  "and may contain only the characters a-z, A-Z, 0-9, '_', '-', and '.'")
LOCAL_NO_TABLE = "Cannot do operations on a non-existent table"
NAME_PATTERN = "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def table_body(name=None, **overrides):
    body = {"TableName": f"t_{uuid.uuid4().hex[:8]}" if name is None else name,
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
            "BillingMode": "PAY_PER_REQUEST"}
    body.update(overrides)
    return {k: v for k, v in body.items() if v is not None}


def create_refused(raw, body):
    resp = raw("CreateTable", body)
    if resp.status == 200:  # do not leave a table behind if a server accepted it
        raw("DeleteTable", {"TableName": body["TableName"]})
    return resp


def assert_validation_set(resp, clauses, local=None):
    """"N validation errors detected: ..." compared clause by clause, in any order."""
    if target.is_dynamodb_local and local is not None:
        return assert_error(resp, "ValidationException", local)
    code, message = error_of(resp)
    assert code == "ValidationException", (code, message)
    prefix = validation_errors(*clauses).split(": ", 1)[0] + ": "
    assert message.startswith(prefix), message
    assert sorted(message[len(prefix):].split("; ")) == sorted(clauses), message


# --- CreateTable and DescribeTable ------------------------------------------------------------------

def test_create_hash_table_returns_active_description(make_table):
    name = make_table("pk:S")
    desc = make_table.last_description
    assert desc["TableName"] == name
    assert desc["TableStatus"] == "ACTIVE"
    assert desc["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}]
    assert desc["AttributeDefinitions"] == [{"AttributeName": "pk", "AttributeType": "S"}]


@pytest.mark.parametrize("hash_type,range_type", [("S", "N"), ("N", "B"), ("B", "S")])
def test_create_hash_range_table_key_types(make_table, ddb, hash_type, range_type):
    name = make_table(f"h:{hash_type}", f"r:{range_type}")
    table = ddb.describe_table(TableName=name)["Table"]
    assert table["KeySchema"] == [{"AttributeName": "h", "KeyType": "HASH"},
                                  {"AttributeName": "r", "KeyType": "RANGE"}]
    assert sorted(table["AttributeDefinitions"], key=lambda a: a["AttributeName"]) == [
        {"AttributeName": "h", "AttributeType": hash_type},
        {"AttributeName": "r", "AttributeType": range_type}]


def test_describe_table_full_description_pay_per_request(make_table, raw):
    name = make_table("pk:S", "sk:N")
    table = raw("DescribeTable", {"TableName": name}).json["Table"]
    assert table["TableName"] == name
    assert table["TableStatus"] == "ACTIVE"
    assert re.fullmatch(rf"arn:aws:dynamodb:[a-z0-9-]+:\d{{12}}:table/{name}", table["TableArn"])
    # TableId is documented for TableDescription; DynamoDB Local leaves it out.
    if not target.is_dynamodb_local:
        assert UUID_RE.match(table["TableId"]), table.get("TableId")
    assert isinstance(table["CreationDateTime"], (int, float)) and table["CreationDateTime"] > 1.6e9
    assert table["ItemCount"] == 0 and table["TableSizeBytes"] == 0
    assert table["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"},
                                  {"AttributeName": "sk", "KeyType": "RANGE"}]
    throughput = table["ProvisionedThroughput"]
    assert (throughput["ReadCapacityUnits"], throughput["WriteCapacityUnits"]) == (0, 0)
    assert throughput["NumberOfDecreasesToday"] == 0
    assert table["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
    assert isinstance(table["BillingModeSummary"]["LastUpdateToPayPerRequestDateTime"], (int, float))
    assert table["DeletionProtectionEnabled"] is False
    assert "StreamSpecification" not in table and "LatestStreamArn" not in table


def test_create_provisioned_table_with_options(make_table, raw):
    name = make_table("pk:S", ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 7},
                      Tags=[{"Key": "team", "Value": "storage"}], TableClass="STANDARD_INFREQUENT_ACCESS",
                      DeletionProtectionEnabled=True, SSESpecification={"Enabled": True},
                      StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})
    table = raw("DescribeTable", {"TableName": name}).json["Table"]
    throughput = table["ProvisionedThroughput"]
    assert (throughput["ReadCapacityUnits"], throughput["WriteCapacityUnits"]) == (5, 7)
    assert throughput["NumberOfDecreasesToday"] == 0
    assert table.get("BillingModeSummary", {"BillingMode": "PROVISIONED"})["BillingMode"] == "PROVISIONED"
    assert table["DeletionProtectionEnabled"] is True
    assert table["StreamSpecification"] == {"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"}
    assert table["LatestStreamArn"] == f"{table['TableArn']}/stream/{table['LatestStreamLabel']}"
    # DynamoDB Local neither reports the table class nor the encryption settings.
    if not target.is_dynamodb_local:
        assert table["TableClassSummary"]["TableClass"] == "STANDARD_INFREQUENT_ACCESS"
        assert table["SSEDescription"]["Status"] == "ENABLED"


def test_table_is_active_right_after_create(make_table, ddb):
    name = make_table()
    assert ddb.describe_table(TableName=name)["Table"]["TableStatus"] == "ACTIVE"
    ddb.put_item(TableName=name, Item={"pk": {"S": "now"}})


def test_create_duplicate_table(make_table, raw):
    name = make_table()
    resp = raw("CreateTable", table_body(name))
    assert_error(resp, "ResourceInUseException", f"Table already exists: {name}",
                 local="Cannot create preexisting table")


# --- CreateTable validation -------------------------------------------------------------------------

@pytest.mark.parametrize("name,constraint_text", [
    ("", "Member must have length greater than or equal to 3"),
    ("ab", "Member must have length greater than or equal to 3"),
    ("x" * 256, "Member must have length less than or equal to 255")])
def test_create_table_name_length(raw, name, constraint_text):
    # A name's length is an ordinary constraint; an empty name breaks only that one, not the pattern.
    resp = create_refused(raw, table_body(name))
    assert_error(resp, "ValidationException", validation_errors(constraint(name, "tableName", constraint_text)),
                 local=LOCAL_BAD_NAME)


def test_create_table_short_name_with_bad_characters(raw):
    resp = create_refused(raw, table_body("a;"))
    assert_error(resp, "ValidationException", validation_errors(
        constraint("a;", "tableName", NAME_PATTERN),
        constraint("a;", "tableName", "Member must have length greater than or equal to 3")), local=LOCAL_BAD_NAME)


@pytest.mark.parametrize("operation", ["CreateTable", "DescribeTable", "DeleteTable", "UpdateTable",
                                       "DescribeTimeToLive"])
def test_table_name_is_a_required_parameter(raw, operation):
    resp = raw(operation, {})
    assert_error(resp, "ValidationException", "The parameter 'TableName' is required but was not present in the request",
                 local=("ValidationException", None))


def test_create_table_name_bad_characters(raw):
    resp = create_refused(raw, table_body("abc;d"))
    assert_error(resp, "ValidationException",
                 validation_errors(constraint("abc;d", "tableName", NAME_PATTERN)), local=LOCAL_BAD_NAME)


def test_create_table_two_validation_errors(raw):
    body = table_body("abc!", AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "BOOL"}])
    assert_validation_set(create_refused(raw, body), [
        constraint("abc!", "tableName", NAME_PATTERN),
        constraint("BOOL", "attributeDefinitions.1.member.attributeType",
                   "Member must satisfy enum value set: [B, N, S]")], local=LOCAL_BAD_NAME)


def test_create_table_name_at_limits_accepted(make_table):
    make_table(name=uuid.uuid4().hex[:3])
    long_name = f"t_{uuid.uuid4().hex[:8]}-._"
    make_table(name=long_name + "x" * (255 - len(long_name)))


def test_create_table_missing_key_schema(raw):
    resp = create_refused(raw, table_body(KeySchema=None))
    assert_error(resp, "ValidationException",
                 validation_errors(constraint(None, "keySchema", "Member must not be null")),
                 local="No defined key schema.  A key schema containing at least a hash key must be "
                       "defined for all tables")


def test_create_table_missing_attribute_definitions(raw):
    resp = create_refused(raw, table_body(AttributeDefinitions=None))
    assert_error(resp, "ValidationException",
                 validation_errors(constraint(None, "attributeDefinitions", "Member must not be null")),
                 local="No Attribute Schema Defined")


def test_create_table_key_not_in_attribute_definitions(raw):
    resp = create_refused(raw, table_body(AttributeDefinitions=[{"AttributeName": "other",
                                                                  "AttributeType": "S"}]))
    assert_error(resp, "ValidationException", "Invalid KeySchema: Some index key attribute have no definition",
                 local="Hash Key not specified in Attribute Definitions.  Type unknown.")


def test_create_table_unused_attribute_definition(raw):
    defs = [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "extra", "AttributeType": "S"}]
    resp = create_refused(raw, table_body(AttributeDefinitions=defs))
    assert_error(resp, "ValidationException",
                 "One or more parameter values were invalid: Number of attributes in KeySchema does not "
                 "exactly match number of attributes defined in AttributeDefinitions",
                 local="The number of attributes in key schema must match the number of attributes defined "
                       "in attribute definitions.")


def test_create_table_two_hash_keys(raw):
    keys = [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "pk2", "KeyType": "HASH"}]
    defs = [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "pk2", "AttributeType": "S"}]
    resp = create_refused(raw, table_body(KeySchema=keys, AttributeDefinitions=defs))
    assert_error(resp, "ValidationException",
                 "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type",
                 local="Too many hash keys specified.  All Dynamo DB tables must have exactly one hash key")


def test_create_table_range_key_only(raw):
    resp = create_refused(raw, table_body(KeySchema=[{"AttributeName": "pk", "KeyType": "RANGE"}]))
    assert_error(resp, "ValidationException",
                 "Invalid KeySchema: The first KeySchemaElement is not a HASH key type",
                 local="No Hash Key specified in schema.  All Dynamo DB tables must have exactly one hash key")


def test_create_table_same_name_for_hash_and_range(raw):
    keys = [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "pk", "KeyType": "RANGE"}]
    resp = create_refused(raw, table_body(KeySchema=keys))
    assert_error(resp, "ValidationException",
                 "Both the Hash Key and the Range Key element in the KeySchema have the same name",
                 local="Two keys can not have the same name")


@pytest.mark.parametrize("bad_type", ["BOOL", "SS", "M"])
def test_create_table_bad_key_attribute_type(raw, bad_type):
    resp = create_refused(raw, table_body(AttributeDefinitions=[{"AttributeName": "pk",
                                                                  "AttributeType": bad_type}]))
    assert_error(resp, "ValidationException",
                 validation_errors(constraint(bad_type, "attributeDefinitions.1.member.attributeType",
                                              "Member must satisfy enum value set: [B, N, S]")),
                 local="Member must satisfy enum value set: [B, N, S]")


def test_create_table_provisioned_without_throughput(raw):
    for body in [table_body(BillingMode="PROVISIONED"), table_body(BillingMode=None)]:
        assert_error(create_refused(raw, body), "ValidationException",
                     "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits "
                     "must both be specified when BillingMode is PROVISIONED",
                     local="No provisioned throughput specified for the table")


def test_create_table_pay_per_request_with_throughput(raw):
    body = table_body(ProvisionedThroughput={"ReadCapacityUnits": 1, "WriteCapacityUnits": 1})
    resp = create_refused(raw, body)
    if target.is_dynamodb_local:  # DynamoDB Local accepts this request and ignores the throughput
        assert resp.status == 200
        return
    assert_error(resp, "ValidationException",
                 "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits "
                 "can be specified when BillingMode is PAY_PER_REQUEST")


def test_create_table_zero_throughput(raw):
    body = table_body(BillingMode="PROVISIONED",
                      ProvisionedThroughput={"ReadCapacityUnits": 0, "WriteCapacityUnits": 0})
    at_least_one = "Member must have value greater than or equal to 1"
    assert_validation_set(create_refused(raw, body), [
        constraint("0", "provisionedThroughput.writeCapacityUnits", at_least_one),
        constraint("0", "provisionedThroughput.readCapacityUnits", at_least_one)],
        local="Table read and write throughput must be at least 1, and cannot be null")


# --- ListTables -------------------------------------------------------------------------------------

def test_list_tables_sorted_and_paged(make_table, ddb):
    prefix = f"t_{uuid.uuid4().hex[:6]}"
    names = [make_table(name=f"{prefix}_{i}") for i in (3, 1, 2)]
    listed = []
    kwargs = {"Limit": 2}
    while True:
        page = ddb.list_tables(**kwargs)
        assert len(page["TableNames"]) <= 2
        listed += page["TableNames"]
        if "LastEvaluatedTableName" not in page:
            break
        assert page["LastEvaluatedTableName"] == page["TableNames"][-1]
        kwargs["ExclusiveStartTableName"] = page["LastEvaluatedTableName"]
    assert listed == sorted(listed)
    assert [n for n in listed if n.startswith(prefix)] == sorted(names)


def test_list_tables_exclusive_start(make_table, ddb):
    prefix = f"t_{uuid.uuid4().hex[:6]}"
    first, second = make_table(name=f"{prefix}_a"), make_table(name=f"{prefix}_b")
    page = ddb.list_tables(ExclusiveStartTableName=first, Limit=1)
    assert page["TableNames"] == [second]
    assert page["LastEvaluatedTableName"] == second


def test_list_tables_past_the_end(ddb):
    page = ddb.list_tables(ExclusiveStartTableName="zzzzzzzz")
    assert page["TableNames"] == [] and "LastEvaluatedTableName" not in page


@pytest.mark.parametrize("limit,text", [(0, "Member must have value greater than or equal to 1"),
                                        (101, "Member must have value less than or equal to 100")])
def test_list_tables_limit_range(raw, limit, text):
    local = {0: "Limit must be greater than or equal to 1", 101: "Limit in ListTables must be <= 100"}[limit]
    assert_error(raw("ListTables", {"Limit": limit}), "ValidationException",
                 validation_errors(constraint(str(limit), "limit", text)), local=local)


# --- unknown tables -----------------------------------------------------------------------------------

@pytest.mark.parametrize("operation", ["DescribeTable", "DeleteTable", "UpdateTable"])
def test_unknown_table(raw, operation):
    name = f"t_missing_{uuid.uuid4().hex[:8]}"
    body = {"TableName": name}
    if operation == "UpdateTable":
        body["BillingMode"] = "PAY_PER_REQUEST"
    assert_error(raw(operation, body), "ResourceNotFoundException",
                 f"Requested resource not found: Table: {name} not found", local=LOCAL_NO_TABLE)


def test_unknown_table_put_item(raw):
    resp = raw("PutItem", {"TableName": f"t_missing_{uuid.uuid4().hex[:8]}", "Item": {"pk": {"S": "a"}}})
    assert_error(resp, "ResourceNotFoundException", "Requested resource not found", local=LOCAL_NO_TABLE)


# --- DeleteTable --------------------------------------------------------------------------------------

def test_delete_table_returns_description(make_table, raw):
    name = make_table()
    resp = raw("DeleteTable", {"TableName": name})
    assert resp.status == 200
    desc = resp.json["TableDescription"]
    assert desc["TableName"] == name
    # DynamoDB reports DELETING; DynamoDB Local reports the table as still ACTIVE.
    assert desc["TableStatus"] == ("ACTIVE" if target.is_dynamodb_local else "DELETING")
    assert desc["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}]
    assert_error(raw("DescribeTable", {"TableName": name}), "ResourceNotFoundException",
                 f"Requested resource not found: Table: {name} not found", local=LOCAL_NO_TABLE)
    assert name not in raw("ListTables", {}).json["TableNames"]


def test_delete_table_refused_with_deletion_protection(make_table, raw):
    name = make_table(DeletionProtectionEnabled=True)
    assert_error(raw("DeleteTable", {"TableName": name}), "ValidationException",
                 "Resource cannot be deleted as it is currently protected against deletion. "
                 "Disable deletion protection first.")
    resp = raw("UpdateTable", {"TableName": name, "DeletionProtectionEnabled": False})
    assert resp.json["TableDescription"]["DeletionProtectionEnabled"] is False
    assert raw("DeleteTable", {"TableName": name}).status == 200


# --- UpdateTable --------------------------------------------------------------------------------------

def test_update_table_throughput(make_table, raw):
    name = make_table(ProvisionedThroughput={"ReadCapacityUnits": 1, "WriteCapacityUnits": 1})
    resp = raw("UpdateTable", {"TableName": name,
                               "ProvisionedThroughput": {"ReadCapacityUnits": 3, "WriteCapacityUnits": 4}})
    assert resp.status == 200, resp
    table = raw("DescribeTable", {"TableName": name}).json["Table"]
    throughput = table["ProvisionedThroughput"]
    assert (throughput["ReadCapacityUnits"], throughput["WriteCapacityUnits"]) == (3, 4)
    assert table["TableStatus"] in ("ACTIVE", "UPDATING")


def test_update_table_billing_mode_switch(make_table, raw):
    name = make_table(ProvisionedThroughput={"ReadCapacityUnits": 2, "WriteCapacityUnits": 2})
    resp = raw("UpdateTable", {"TableName": name, "BillingMode": "PAY_PER_REQUEST"})
    assert resp.status == 200, resp
    table = raw("DescribeTable", {"TableName": name}).json["Table"]
    assert table["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
    throughput = table["ProvisionedThroughput"]
    assert (throughput["ReadCapacityUnits"], throughput["WriteCapacityUnits"]) == (0, 0)


def test_update_table_to_provisioned_needs_throughput(make_table, raw):
    name = make_table()
    resp = raw("UpdateTable", {"TableName": name, "BillingMode": "PROVISIONED"})
    assert_error(resp, "ValidationException",
                 "One or more parameter values were invalid: ProvisionedThroughput must be specified when "
                 "BillingMode is PROVISIONED", local="No provisioned throughput specified for the table")
    resp = raw("UpdateTable", {"TableName": name, "BillingMode": "PROVISIONED",
                               "ProvisionedThroughput": {"ReadCapacityUnits": 2, "WriteCapacityUnits": 3}})
    assert resp.status == 200, resp
    table = raw("DescribeTable", {"TableName": name}).json["Table"]
    assert table.get("BillingModeSummary", {"BillingMode": "PROVISIONED"})["BillingMode"] == "PROVISIONED"
    throughput = table["ProvisionedThroughput"]
    assert (throughput["ReadCapacityUnits"], throughput["WriteCapacityUnits"]) == (2, 3)


def test_update_table_deletion_protection(make_table, raw):
    name = make_table()
    resp = raw("UpdateTable", {"TableName": name, "DeletionProtectionEnabled": True})
    assert resp.json["TableDescription"]["DeletionProtectionEnabled"] is True
    assert raw("DescribeTable", {"TableName": name}).json["Table"]["DeletionProtectionEnabled"] is True


def test_create_table_attribute_defined_twice(raw):
    # AWS's text (docs/differences.md); DynamoDB Local words it "Cannot have two attributes with the same name".
    defs = [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "pk", "AttributeType": "S"}]
    resp = create_refused(raw, table_body(AttributeDefinitions=defs))
    assert_error(resp, "ValidationException", "Attribute Name is duplicated: pk",
                 local="Cannot have two attributes with the same name")


def test_create_table_key_without_definition_and_no_indexes(raw):
    # Recorded against AWS by dynalite (test/createTable.js): the definitions are checked before the
    # key schema's order, and without indexes the message names no attribute.
    keys = [{"AttributeName": "a", "KeyType": "HASH"}, {"AttributeName": "a", "KeyType": "HASH"}]
    resp = create_refused(raw, table_body(KeySchema=keys, AttributeDefinitions=[]))
    assert_error(resp, "ValidationException", "Invalid KeySchema: Some index key attribute have no definition",
                 local="Two keys can not have the same name")
