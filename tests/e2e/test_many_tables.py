"""Thousands of tables: DynamoDB's default quota (2,500 tables per account and region) made by
CreateTable from several connections at once, paged through exactly by ListTables, served, and
reopened by a restart; the 2,501st is LimitExceededException. Times are printed for
docs/reliability.md; bounded by the deadlines below."""
import concurrent.futures
import http.client
import json
import time

import pytest

from e2e_helpers import DUMMY_AUTH, TARGET_PREFIX, assert_error, raw_request

pytestmark = pytest.mark.eddy_only

TABLES = 2500
DEFINITION = {"AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
              "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST"}


def name_of(index):
    return f"table-{index:05d}"


def create_range(port, indexes):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Content-Type": "application/x-amz-json-1.0", "Authorization": DUMMY_AUTH,
               "X-Amz-Date": "20260101T000000Z", "X-Amz-Target": TARGET_PREFIX + "CreateTable"}
    slowest = 0.0
    for index in indexes:
        started = time.monotonic()
        conn.request("POST", "/", body=json.dumps(dict(DEFINITION, TableName=name_of(index))), headers=headers)
        resp = conn.getresponse()
        body = resp.read()
        assert resp.status == 200, body
        slowest = max(slowest, time.monotonic() - started)
    conn.close()
    return slowest


def all_table_names(endpoint):
    names, start, pages = [], None, 0
    while True:
        body = {"Limit": 100}
        if start is not None:
            body["ExclusiveStartTableName"] = start
        page = raw_request(endpoint, "ListTables", body).json
        assert len(page["TableNames"]) <= 100
        names += page["TableNames"]
        pages += 1
        start = page.get("LastEvaluatedTableName")
        if start is None:
            return names, pages
        assert start == page["TableNames"][-1]


def test_2500_tables_are_created_listed_served_and_reopened(eddy_server):
    data_dir = eddy_server.new_dir()
    server = eddy_server(data_dir=data_dir)
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        slowest = max(pool.map(lambda i: create_range(server.port, range(i, TABLES, 8)), range(8)))
    created_s = time.monotonic() - started
    print(f"\n{TABLES} CreateTable from 8 connections: {created_s:.1f} s, slowest {slowest * 1000:.0f} ms")
    assert created_s < 120, created_s

    refused = raw_request(server.endpoint, "CreateTable", dict(DEFINITION, TableName="one-too-many"))
    assert_error(refused, "LimitExceededException",
                 "Subscriber limit exceeded: There is a limit of 2500 tables per subscriber")

    expected = [name_of(i) for i in range(TABLES)]
    names, pages = all_table_names(server.endpoint)
    assert names == expected
    # A full last page still names its last table, as DynamoDB does; the page after it is empty.
    assert pages == TABLES // 100 + 1

    last = name_of(TABLES - 1)
    described = raw_request(server.endpoint, "DescribeTable", {"TableName": last}).json["Table"]
    assert (described["TableName"], described["TableStatus"]) == (last, "ACTIVE")
    item = {"pk": {"S": "k"}, "v": {"N": "42"}}
    assert raw_request(server.endpoint, "PutItem", {"TableName": last, "Item": item}).status == 200
    got = raw_request(server.endpoint, "GetItem", {"TableName": last, "Key": {"pk": {"S": "k"}}}).json
    assert got == {"Item": item}

    assert server.stop() == 0
    started = time.monotonic()
    again = eddy_server(data_dir=data_dir)
    reopened_s = time.monotonic() - started
    print(f"restart with {TABLES} tables: ready in {reopened_s:.2f} s")
    assert all_table_names(again.endpoint)[0] == expected
    got = raw_request(again.endpoint, "GetItem", {"TableName": last, "Key": {"pk": {"S": "k"}}}).json
    assert got == {"Item": item}
