"""FilterCriteria end to end: one mapping per filter-pattern operator on one table, and which
records each function receives. Records that match no filter are never delivered; the mapping's
position still moves past them."""
import json

import pytest

from conftest import EddyFactory, make_client
from triggers_support import FunctionHost, lambda_client, new_name, poll, settled, stream_table

pytestmark = pytest.mark.eddy_only

ITEMS = [
    # pk, status, city, note (absent when None)
    ("o1", "paid", "Berlin", "gift"),
    ("o2", "PAID", "Bern", None),
    ("o3", "new", "Paris", "urgent-gift"),
    ("o4", "cancelled", "Bergen", None),
    ("x5", "paid", "Oslo", "gift-wrap"),
]

PATTERNS = {
    "exact": {"dynamodb": {"NewImage": {"status": {"S": ["paid"]}}}},
    "prefix": {"dynamodb": {"NewImage": {"city": {"S": [{"prefix": "Ber"}]}}}},
    "suffix": {"dynamodb": {"NewImage": {"note": {"S": [{"suffix": "gift"}]}}}},
    "anything_but": {"dynamodb": {"NewImage": {"status": {"S": [{"anything-but": ["paid", "new"]}]}}}},
    "exists": {"dynamodb": {"NewImage": {"note": {"S": [{"exists": True}]}}}},
    "not_exists": {"dynamodb": {"NewImage": {"note": {"S": [{"exists": False}]}}}},
    "exists_object": {"dynamodb": {"NewImage": {"note": [{"exists": False}]}}},
    "ignore_case": {"dynamodb": {"NewImage": {"status": {"S": [{"equals-ignore-case": "paid"}]}}}},
    "keys_prefix": {"dynamodb": {"Keys": {"pk": {"S": [{"prefix": "x"}]}}}},
    "or": {"$or": [{"dynamodb": {"NewImage": {"city": {"S": ["Paris"]}}}},
                   {"dynamodb": {"NewImage": {"status": {"S": ["cancelled"]}}}}]},
    "event_name": {"eventName": ["INSERT"], "dynamodb": {"NewImage": {"city": {"S": ["Oslo"]}}}},
    "numeric": {"dynamodb": {"SizeBytes": [{"numeric": [">", 0, "<", 1000]}]}},
    "numeric_none": {"dynamodb": {"SizeBytes": [{"numeric": [">=", 100000]}]}},
}

EXPECTED = {
    "exact": ["o1", "x5"],
    "prefix": ["o1", "o2", "o4"],
    "suffix": ["o1", "o3"],
    "anything_but": ["o2", "o4"],
    "exists": ["o1", "o3", "x5"],
    "not_exists": ["o2", "o4"],
    # A member that holds an object is no leaf: `exists` there sees nothing (Lambda's rule).
    "exists_object": ["o1", "o2", "o3", "o4", "x5"],
    "ignore_case": ["o1", "o2", "x5"],
    "keys_prefix": ["x5"],
    "or": ["o3", "o4"],
    "event_name": ["x5"],
    "numeric": ["o1", "o2", "o3", "o4", "x5"],
    "numeric_none": [],
}


@pytest.fixture(scope="module")
def host():
    h = FunctionHost()
    yield h
    h.close()


@pytest.fixture(scope="module")
def eddy(tmp_path_factory, host):
    factory = EddyFactory(tmp_path_factory.mktemp("trigger-filters"))
    server = factory(["--lambda-endpoint", host.url, "--stream-shards", "1"])
    yield server
    factory.cleanup()


def test_each_operator_delivers_only_matching_records(eddy, host):
    ddb, lam = make_client(eddy.endpoint), lambda_client(eddy.endpoint)
    table, arn = stream_table(ddb)
    functions = {}
    for name, pattern in PATTERNS.items():
        functions[name] = new_name(name)
        m = lam.create_event_source_mapping(FunctionName=functions[name], EventSourceArn=arn,
                                            StartingPosition="TRIM_HORIZON",
                                            FilterCriteria={"Filters": [{"Pattern": json.dumps(pattern)}]})
        assert json.loads(m["FilterCriteria"]["Filters"][0]["Pattern"]) == pattern
    witness = new_name("all")
    lam.create_event_source_mapping(FunctionName=witness, EventSourceArn=arn, StartingPosition="TRIM_HORIZON")
    for pk, status, city, note in ITEMS:
        item = {"pk": {"S": pk}, "status": {"S": status}, "city": {"S": city}}
        if note:
            item["note"] = {"S": note}
        ddb.put_item(TableName=table, Item=item)
    host.wait_records(witness, len(ITEMS))
    # Every mapping has moved past every record (delivered or filtered out).
    for name, keys in EXPECTED.items():
        host.wait_for(lambda: len(host.records_of(functions[name])) >= len(keys), f"{name}'s records")
    poll(lambda: settled(eddy.endpoint, arn), "every mapping to pass every record")
    got = {name: [r["dynamodb"]["Keys"]["pk"]["S"] for r in host.records_of(f)] for name, f in functions.items()}
    assert got == EXPECTED


def test_two_filters_are_alternatives(eddy, host):
    ddb, lam = make_client(eddy.endpoint), lambda_client(eddy.endpoint)
    table, arn = stream_table(ddb)
    function = new_name()
    filters = [{"Pattern": json.dumps({"dynamodb": {"Keys": {"pk": {"S": ["a"]}}}})},
               {"Pattern": json.dumps({"dynamodb": {"Keys": {"pk": {"S": ["c"]}}}})}]
    lam.create_event_source_mapping(FunctionName=function, EventSourceArn=arn, StartingPosition="TRIM_HORIZON",
                                    FilterCriteria={"Filters": filters})
    for pk in ["a", "b", "c", "d"]:
        ddb.put_item(TableName=table, Item={"pk": {"S": pk}})
    host.wait_records(function, 2)
    ddb.put_item(TableName=table, Item={"pk": {"S": "a"}, "v": {"S": "again"}})
    records = host.wait_records(function, 3)
    assert [r["dynamodb"]["Keys"]["pk"]["S"] for r in records] == ["a", "c", "a"]


@pytest.mark.parametrize("pattern", ["not json", "[1]", json.dumps({"dynamodb": {"Keys": "a"}}),
                                     json.dumps({"dynamodb": {"Keys": {"pk": {"S": [{"numeric": ["!", 1]}]}}}})])
def test_invalid_pattern_is_refused(eddy, pattern):
    ddb, lam = make_client(eddy.endpoint), lambda_client(eddy.endpoint)
    _, arn = stream_table(ddb)
    with pytest.raises(lam.exceptions.InvalidParameterValueException) as e:
        lam.create_event_source_mapping(FunctionName=new_name(), EventSourceArn=arn, StartingPosition="LATEST",
                                        FilterCriteria={"Filters": [{"Pattern": pattern}]})
    assert e.value.response["Error"]["Message"] == "Invalid filter pattern definition."
    assert e.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
