"""Item operations: PutItem, GetItem, DeleteItem — attribute types, numbers, return values, consumed
capacity, and the validation of items and keys.

Where DynamoDB Local answers differently from DynamoDB, `local=` holds DynamoDB Local's answer;
DynamoDB's own texts were recorded from DynamoDB (dynalite's and moto's test suites).
"""
import base64
import json

import pytest

from e2e_helpers import assert_error, error_of, target

KEY_SCHEMA_MISMATCH = "The provided key element does not match the schema"
LOCAL_TYPE_MISMATCH = "One or more parameter values were invalid: Type mismatch for key"
LOCAL_MISSING_KEY = "One of the required keys was not given a value"
LOCAL_KEY_SIZE = ("Hash primary key values must be under 2048 bytes, and range primary key values must be "
                  "under 1024 bytes")
LOCAL_BAD_NUMBER = "A value provided cannot be converted into a number"


def b64(data):
    return base64.b64encode(data).decode()


@pytest.fixture
def table(make_table):
    return make_table("pk:S")


def put_raw(raw, table, item, **extra):
    return raw("PutItem", dict({"TableName": table, "Item": item}, **extra))


# --- round trips ------------------------------------------------------------------------------------

def test_all_ten_attribute_types_round_trip(ddb, table):
    item = {
        "pk": {"S": "all-types"},
        "s": {"S": "héllo ✓"},
        "n": {"N": "-56.789"},
        "b": {"B": b"\x00\x01\xffbinary"},
        "bool_t": {"BOOL": True},
        "bool_f": {"BOOL": False},
        "null": {"NULL": True},
        "ss": {"SS": ["a", "b", "c"]},
        "ns": {"NS": ["1", "-2.5", "300"]},
        "bs": {"BS": [b"\x01", b"\x02\x03"]},
        "l": {"L": [{"S": "x"}, {"N": "1"}, {"B": b"\x07"}, {"BOOL": True}, {"NULL": True},
                    {"L": []}, {"M": {}}, {"SS": ["z"]}]},
        "m": {"M": {"inner": {"M": {"deep": {"L": [{"N": "42"}]}}}, "s": {"S": ""}}},
    }
    ddb.put_item(TableName=table, Item=item)
    got = ddb.get_item(TableName=table, Key={"pk": {"S": "all-types"}}, ConsistentRead=True)["Item"]
    for set_name in ("ss", "ns", "bs"):
        kind = next(iter(item[set_name]))
        assert sorted(got[set_name][kind]) == sorted(item[set_name][kind]), set_name
        got.pop(set_name)
    assert got == {k: v for k, v in item.items() if k not in ("ss", "ns", "bs")}


def test_put_response_is_empty_object(raw, table):
    resp = put_raw(raw, table, {"pk": {"S": "a"}})
    assert resp.status == 200 and resp.json == {}


def test_empty_string_and_binary_allowed_outside_keys(ddb, table):
    item = {"pk": {"S": "empties"}, "s": {"S": ""}, "b": {"B": b""}, "m": {"M": {"e": {"S": ""}}}}
    ddb.put_item(TableName=table, Item=item)
    assert ddb.get_item(TableName=table, Key={"pk": {"S": "empties"}})["Item"] == item


def test_get_missing_item_has_no_item_key(raw, table):
    resp = raw("GetItem", {"TableName": table, "Key": {"pk": {"S": "absent"}}})
    assert resp.status == 200 and resp.json == {}


def test_hash_range_items_are_distinct(ddb, make_table):
    name = make_table("pk:S", "sk:N")
    ddb.put_item(TableName=name, Item={"pk": {"S": "a"}, "sk": {"N": "1"}, "v": {"S": "one"}})
    ddb.put_item(TableName=name, Item={"pk": {"S": "a"}, "sk": {"N": "2"}, "v": {"S": "two"}})
    got = ddb.get_item(TableName=name, Key={"pk": {"S": "a"}, "sk": {"N": "2"}})["Item"]
    assert got["v"] == {"S": "two"}


def test_binary_keys(ddb, make_table):
    name = make_table("pk:B")
    ddb.put_item(TableName=name, Item={"pk": {"B": b"\x00\xff"}, "v": {"N": "1"}})
    assert ddb.get_item(TableName=name, Key={"pk": {"B": b"\x00\xff"}})["Item"]["v"] == {"N": "1"}
    assert "Item" not in ddb.get_item(TableName=name, Key={"pk": {"B": b"\x00"}})


def test_put_replaces_whole_item(ddb, table):
    ddb.put_item(TableName=table, Item={"pk": {"S": "r"}, "a": {"S": "1"}, "b": {"S": "2"}})
    ddb.put_item(TableName=table, Item={"pk": {"S": "r"}, "c": {"S": "3"}})
    assert ddb.get_item(TableName=table, Key={"pk": {"S": "r"}})["Item"] == {"pk": {"S": "r"},
                                                                             "c": {"S": "3"}}


@pytest.mark.parametrize("consistent", [True, False])
def test_consistent_read_flag(ddb, table, consistent):
    ddb.put_item(TableName=table, Item={"pk": {"S": "cr"}})
    got = ddb.get_item(TableName=table, Key={"pk": {"S": "cr"}}, ConsistentRead=consistent)
    assert got["Item"] == {"pk": {"S": "cr"}}


# --- numbers ----------------------------------------------------------------------------------------

def test_number_key_normalisation(ddb, make_table):
    name = make_table("pk:N")
    ddb.put_item(TableName=name, Item={"pk": {"N": "1.0"}, "v": {"S": "first"}})
    got = ddb.get_item(TableName=name, Key={"pk": {"N": "1"}})["Item"]
    assert got == {"pk": {"N": "1"}, "v": {"S": "first"}}
    ddb.put_item(TableName=name, Item={"pk": {"N": "001.000"}, "v": {"S": "second"}})
    assert ddb.get_item(TableName=name, Key={"pk": {"N": "1E0"}})["Item"]["v"] == {"S": "second"}


@pytest.mark.parametrize("written,read", [
    ("0000012345678901234567890123456789012345678", "12345678901234567890123456789012345678"),
    ("-00001.23456789012345678901234567890123456780000", "-1.2345678901234567890123456789012345678"),
    ("-0015.789e6", "-15789000"),
    ("1.50", "1.5"),
    ("-0", "0"),
    ("0.000", "0"),
    ("1e2", "100"),
    ("12.5E-3", "0.0125"),
    ("9.9999999999999999999999999999999999999E+125", "9" * 38 + "0" * 88),
    ("1E-130", "0." + "0" * 129 + "1"),
])
def test_number_output_form(ddb, table, written, read):
    ddb.put_item(TableName=table, Item={"pk": {"S": "num"}, "n": {"N": written}})
    assert ddb.get_item(TableName=table, Key={"pk": {"S": "num"}})["Item"]["n"] == {"N": read}


@pytest.mark.parametrize("value,message,local", [
    ("abc", "The parameter cannot be converted to a numeric value: abc", LOCAL_BAD_NUMBER),
    ("", "The parameter cannot be converted to a numeric value", LOCAL_BAD_NUMBER),
    ("1e126", "Number overflow. Attempting to store a number with magnitude larger than supported range", None),
    ("-1e126", "Number overflow. Attempting to store a number with magnitude larger than supported range",
     None),
    ("1e-131", "Number underflow. Attempting to store a number with magnitude smaller than supported range",
     None),
    ("1" * 39, "Attempting to store more than 38 significant digits in a Number",
     "DynamoDB only supports precision up to 38 digits"),
    ("-1.23456789012345678901234567890123456789", "Attempting to store more than 38 significant digits "
     "in a Number", "DynamoDB only supports precision up to 38 digits"),
])
def test_invalid_numbers(raw, table, value, message, local):
    resp = put_raw(raw, table, {"pk": {"S": "a"}, "n": {"N": value}})
    assert_error(resp, "ValidationException", message, local=local)


# --- ReturnValues -----------------------------------------------------------------------------------

def test_put_return_values_all_old(ddb, table):
    first = ddb.put_item(TableName=table, Item={"pk": {"S": "rv"}, "v": {"N": "1"}}, ReturnValues="ALL_OLD")
    assert "Attributes" not in first
    second = ddb.put_item(TableName=table, Item={"pk": {"S": "rv"}, "v": {"N": "2"}}, ReturnValues="ALL_OLD")
    assert second["Attributes"] == {"pk": {"S": "rv"}, "v": {"N": "1"}}
    third = ddb.put_item(TableName=table, Item={"pk": {"S": "rv"}}, ReturnValues="NONE")
    assert "Attributes" not in third


@pytest.mark.parametrize("return_values", ["ALL_NEW", "UPDATED_OLD", "UPDATED_NEW"])
def test_put_return_values_invalid(raw, table, return_values):
    resp = put_raw(raw, table, {"pk": {"S": "a"}}, ReturnValues=return_values)
    assert_error(resp, "ValidationException", "ReturnValues can only be ALL_OLD or NONE",
                 local="Return values set to invalid value")


def test_delete_item_return_values(ddb, table):
    ddb.put_item(TableName=table, Item={"pk": {"S": "d"}, "v": {"S": "x"}})
    gone = ddb.delete_item(TableName=table, Key={"pk": {"S": "d"}}, ReturnValues="ALL_OLD")
    assert gone["Attributes"] == {"pk": {"S": "d"}, "v": {"S": "x"}}
    assert "Item" not in ddb.get_item(TableName=table, Key={"pk": {"S": "d"}})
    again = ddb.delete_item(TableName=table, Key={"pk": {"S": "d"}}, ReturnValues="ALL_OLD")
    assert "Attributes" not in again


# --- consumed capacity ------------------------------------------------------------------------------

@pytest.mark.parametrize("billing", ["PAY_PER_REQUEST", "PROVISIONED"])
def test_consumed_capacity(raw, make_table, billing):
    extra = {"ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}} \
        if billing == "PROVISIONED" else {}
    name = make_table("pk:S", **extra)
    small = {"pk": {"S": "a"}, "d": {"S": "x" * 10}}
    big = {"pk": {"S": "b"}, "d": {"S": "x" * 5000}}  # about 5 KB: 5 write units, 2 read units

    def capacity(resp, indexes=False):
        assert resp.status == 200, resp
        consumed = resp.json["ConsumedCapacity"]
        assert consumed["TableName"] == name
        if indexes:
            assert consumed["Table"]["CapacityUnits"] == consumed["CapacityUnits"]
        return consumed["CapacityUnits"]

    assert capacity(put_raw(raw, name, small, ReturnConsumedCapacity="TOTAL")) == 1.0
    assert capacity(put_raw(raw, name, small, ReturnConsumedCapacity="INDEXES"), indexes=True) == 1.0
    assert "ConsumedCapacity" not in put_raw(raw, name, small, ReturnConsumedCapacity="NONE").json
    assert "ConsumedCapacity" not in put_raw(raw, name, small).json
    assert capacity(put_raw(raw, name, big, ReturnConsumedCapacity="TOTAL")) == 5.0

    def get(key, consistent, rcc="TOTAL"):
        return raw("GetItem", {"TableName": name, "Key": {"pk": {"S": key}}, "ConsistentRead": consistent,
                               "ReturnConsumedCapacity": rcc})

    assert capacity(get("a", True)) == 1.0
    assert capacity(get("a", False)) == 0.5
    assert capacity(get("b", True, "INDEXES"), indexes=True) == 2.0
    assert capacity(get("b", False)) == 1.0
    assert capacity(get("absent", True)) == 1.0
    assert capacity(get("absent", False)) == 0.5
    delete = {"TableName": name, "Key": {"pk": {"S": "b"}}, "ReturnConsumedCapacity": "TOTAL"}
    assert capacity(raw("DeleteItem", delete)) == 5.0
    assert capacity(raw("DeleteItem", delete)) == 1.0


# --- item validation --------------------------------------------------------------------------------

@pytest.mark.parametrize("value,message,local", [
    ({"SS": []}, "One or more parameter values were invalid: An string set  may not be empty", None),
    ({"NS": []}, "One or more parameter values were invalid: An number set  may not be empty", None),
    ({"BS": []}, "One or more parameter values were invalid: Binary sets should not be empty", None),
    ({"SS": ["x", "x"]}, "One or more parameter values were invalid: Input collection [x, x] contains "
     "duplicates.", "One or more parameter values were invalid: Input collection [x, x] contains duplicates"),
    ({"NS": ["1", "1"]}, "Input collection contains duplicates", None),
    ({"BS": ["YQ==", "YQ=="]}, "One or more parameter values were invalid: Input collection [YQ==, YQ==]of "
     "type BS contains duplicates.", "One or more parameter values were invalid: Input collection of type "
     "BS contains duplicates."),
    ({}, "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes", None),
    ({"S": "x", "N": "1"}, "Supplied AttributeValue has more than one datatypes set, must contain exactly "
     "one of the supported datatypes", None),
    ({"NULL": False}, "One or more parameter values were invalid: Null attribute value types must have the "
     "value of true", None),
    ({"L": [{}]}, "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
     None),
    ({"M": {"a": {"M": {"b": {}}}}}, "Supplied AttributeValue is empty, must contain exactly one of the "
     "supported datatypes", None),
])
def test_invalid_attribute_values(raw, table, value, message, local):
    resp = put_raw(raw, table, {"pk": {"S": "a"}, "attr": value})
    assert_error(resp, "ValidationException", message, local=local)


def test_put_missing_key_attribute(raw, table):
    resp = put_raw(raw, table, {"other": {"S": "a"}})
    assert_error(resp, "ValidationException",
                 "One or more parameter values were invalid: Missing the key pk in the item",
                 local=LOCAL_MISSING_KEY)


def test_put_missing_range_key(raw, make_table):
    name = make_table("pk:S", "sk:S")
    resp = put_raw(raw, name, {"pk": {"S": "a"}})
    assert_error(resp, "ValidationException",
                 "One or more parameter values were invalid: Missing the key sk in the item",
                 local=LOCAL_MISSING_KEY)


@pytest.mark.parametrize("value,local", [
    ({"N": "1"}, LOCAL_TYPE_MISMATCH),
    ({"B": "YQ=="}, LOCAL_TYPE_MISMATCH),
    ({"BOOL": True}, "Invalid attribute value type"),
    ({"SS": ["a"]}, "Invalid attribute value type"),
    ({"L": []}, "Invalid attribute value type"),
])
def test_put_wrong_key_type(raw, table, value, local):
    resp = put_raw(raw, table, {"pk": value})
    actual = next(iter(value))
    assert_error(resp, "ValidationException",
                 f"One or more parameter values were invalid: Type mismatch for key pk expected: S actual: "
                 f"{actual}", local=local)


def test_empty_string_key(raw, table):
    message = ("One or more parameter values are not valid. The AttributeValue for a key attribute cannot "
               "contain an empty string value. Key: pk")
    assert_error(put_raw(raw, table, {"pk": {"S": ""}}), "ValidationException", message)
    assert_error(raw("GetItem", {"TableName": table, "Key": {"pk": {"S": ""}}}), "ValidationException",
                 message)


def test_empty_binary_key(raw, make_table):
    name = make_table("pk:S", "sk:B")
    resp = put_raw(raw, name, {"pk": {"S": "a"}, "sk": {"B": ""}})
    assert_error(resp, "ValidationException",
                 "One or more parameter values are not valid. The AttributeValue for a key attribute cannot "
                 "contain an empty binary value. Key: sk")


@pytest.mark.parametrize("operation", ["GetItem", "DeleteItem"])
@pytest.mark.parametrize("key,local", [
    ({"pk": {"S": "a"}, "extra": {"S": "b"}}, "The number of conditions on the keys is invalid"),
    ({"other": {"S": "a"}}, LOCAL_MISSING_KEY),
    ({"pk": {"N": "1"}}, LOCAL_TYPE_MISMATCH),
    ({}, "The number of conditions on the keys is invalid"),
])
def test_key_does_not_match_schema(raw, table, operation, key, local):
    resp = raw(operation, {"TableName": table, "Key": key})
    assert_error(resp, "ValidationException", KEY_SCHEMA_MISMATCH, local=local)


def test_range_key_given_for_hash_only_table(raw, table):
    resp = raw("GetItem", {"TableName": table, "Key": {"pk": {"S": "a"}, "sk": {"S": "b"}}})
    assert_error(resp, "ValidationException", KEY_SCHEMA_MISMATCH,
                 local="The number of conditions on the keys is invalid")


# --- size limits ------------------------------------------------------------------------------------

def test_partition_key_size_limit(raw, table):
    assert put_raw(raw, table, {"pk": {"S": "k" * 2048}}).status == 200
    resp = put_raw(raw, table, {"pk": {"S": "k" * 2049}})
    assert_error(resp, "ValidationException", "One or more parameter values were invalid: Size of hashkey "
                 "has exceeded the maximum size limit of2048 bytes", local=LOCAL_KEY_SIZE)


def test_sort_key_size_limit(raw, make_table):
    name = make_table("pk:S", "sk:S")
    assert put_raw(raw, name, {"pk": {"S": "a"}, "sk": {"S": "k" * 1024}}).status == 200
    resp = put_raw(raw, name, {"pk": {"S": "a"}, "sk": {"S": "k" * 1025}})
    assert_error(resp, "ValidationException", "One or more parameter values were invalid: Aggregated size "
                 "of all range keys has exceeded the size limit of 1024 bytes", local=LOCAL_KEY_SIZE)


def test_multibyte_key_size_counts_utf8_bytes(raw, table):
    # 1025 two-byte characters are 2050 bytes of UTF-8.
    resp = put_raw(raw, table, {"pk": {"S": "é" * 1025}})
    assert_error(resp, "ValidationException", "One or more parameter values were invalid: Size of hashkey "
                 "has exceeded the maximum size limit of2048 bytes", local=LOCAL_KEY_SIZE)


def test_item_size_limit(raw, ddb, table):
    limit = 400 * 1024
    # Item size = attribute name lengths + value lengths: "pk" + "a" + "d" + len(value).
    fits = limit - len("pk") - len("a") - len("d")
    assert put_raw(raw, table, {"pk": {"S": "a"}, "d": {"S": "x" * fits}}).status == 200
    got = ddb.get_item(TableName=table, Key={"pk": {"S": "a"}})["Item"]
    assert len(got["d"]["S"]) == fits
    resp = put_raw(raw, table, {"pk": {"S": "a"}, "d": {"S": "x" * (fits + 1)}})
    assert_error(resp, "ValidationException", "Item size has exceeded the maximum allowed size")


def test_item_size_limit_binary(raw, table):
    resp = put_raw(raw, table, {"pk": {"S": "b"}, "d": {"B": b64(b"\x00" * (400 * 1024))}})
    assert_error(resp, "ValidationException", "Item size has exceeded the maximum allowed size")


def test_nested_maps_and_lists(ddb, table):
    nested = {"S": "leaf"}
    for depth in range(20):
        nested = {"M": {f"level{depth}": nested}} if depth % 2 else {"L": [nested, {"N": str(depth)}]}
    item = {"pk": {"S": "nested"}, "tree": nested}
    ddb.put_item(TableName=table, Item=item)
    assert ddb.get_item(TableName=table, Key={"pk": {"S": "nested"}})["Item"] == item


# Every control character round-trips through each way items are read, as valid JSON: the answers are
# parsed by the strict json module (as botocore does), which refuses raw control characters in strings.
CONTROL_TEXT = "x" * 20 + "".join(chr(c) for c in range(1, 32)) + '"\\' + "y" * 20


def test_control_characters_round_trip_as_escaped_json(raw, table):
    item = {"pk": {"S": "ctrl" + CONTROL_TEXT}, "d": {"S": CONTROL_TEXT}, "ss": {"SS": [CONTROL_TEXT, "b"]},
            "m": {"M": {CONTROL_TEXT: {"L": [{"S": CONTROL_TEXT}]}}}}
    assert raw("PutItem", {"TableName": table, "Item": item}).status == 200
    reads = {
        "GetItem": lambda r: r["Item"],
        "Query": lambda r: r["Items"][0],
        "Scan": lambda r: r["Items"][0],
    }
    bodies = {
        "GetItem": {"TableName": table, "Key": {"pk": item["pk"]}},
        "Query": {"TableName": table, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": item["pk"]}},
        "Scan": {"TableName": table},
    }
    for operation, item_of in reads.items():
        resp = raw(operation, bodies[operation])
        assert resp.status == 200, resp
        assert not any(0 < b < 0x20 for b in resp.body), f"{operation} answered a raw control character"
        got = item_of(json.loads(resp.text))
        assert got["d"] == item["d"] and got["m"] == item["m"] and got["pk"] == item["pk"], operation
        assert sorted(got["ss"]["SS"]) == sorted(item["ss"]["SS"]), operation


@pytest.mark.parametrize("control", [0x01, 0x19, 0x1A, 0x1F])
def test_raw_control_character_in_a_request_string_is_refused(raw, table, control):
    body = '{"TableName":"%s","Item":{"pk":{"S":"%s%s%s"}}}' % (table, "a" * 20, chr(control), "b" * 20)
    resp = raw("PutItem", body)
    if target.is_dynamodb_local:  # its JSON parser refuses the text too, but answers 500 InternalFailure
        assert resp.status == 500, resp
        return
    assert resp.status == 400, resp
    assert error_of(resp)[0] == "SerializationException", resp
