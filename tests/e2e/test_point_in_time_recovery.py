"""Point-in-time recovery (docs/backups.md): DescribeContinuousBackups for every table,
UpdateContinuousBackups, RestoreTableToPointInTime to several virtual seconds between writes, its
errors, and the change log staying within a short window."""
import uuid

import pytest
from botocore.exceptions import ClientError

from admin_support import ok
from conftest import make_client

pytestmark = pytest.mark.eddy_only


def name(prefix="pitr"):
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def error_of(call, **kwargs):
    with pytest.raises(ClientError) as caught:
        call(**kwargs)
    return caught.value.response["Error"]["Code"], caught.value.response["Error"]["Message"]


def create_table(ddb, table):
    ddb.create_table(TableName=table, KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                     AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                           {"AttributeName": "g", "AttributeType": "S"}],
                     GlobalSecondaryIndexes=[{"IndexName": "by_g", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
                                              "Projection": {"ProjectionType": "ALL"}}],
                     BillingMode="PAY_PER_REQUEST")


def items_of(ddb, table):
    return sorted((i["pk"]["S"], i.get("v", {}).get("N")) for i in ddb.scan(TableName=table)["Items"])


def start_at_whole_second(server):
    # boto3 sends Date members as whole epoch seconds: writes land on whole seconds, so that a
    # restore to second N sees exactly the writes made at N or before.
    return ok(server.endpoint, "POST", "clock", {"set": "2030-01-01T00:00:00Z"})["epoch_seconds"]


def advance(server, seconds):
    return ok(server.endpoint, "POST", "clock", {"advance_seconds": seconds})["epoch_seconds"]


def pitr_description(ddb, table):
    return ddb.describe_continuous_backups(TableName=table)["ContinuousBackupsDescription"]


def test_describe_answers_for_every_table_and_update_enables(eddy_server):
    server = eddy_server(["--clock", "virtual"], in_memory=True)
    ddb = make_client(server.endpoint)
    table = name()
    create_table(ddb, table)
    assert pitr_description(ddb, table) == {"ContinuousBackupsStatus": "ENABLED",
                                            "PointInTimeRecoveryDescription": {"PointInTimeRecoveryStatus": "DISABLED"}}
    missing = name("missing")
    assert error_of(ddb.describe_continuous_backups, TableName=missing) == (
        "TableNotFoundException", f"Table not found: {missing}")
    assert error_of(ddb.update_continuous_backups, TableName=missing,
                    PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True}) == (
        "TableNotFoundException", f"Table not found: {missing}")
    now = ok(server.endpoint, "GET", "clock")["epoch_seconds"]
    updated = ddb.update_continuous_backups(TableName=table,
                                            PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    pitr = updated["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"]
    assert pitr["PointInTimeRecoveryStatus"] == "ENABLED"
    assert pitr["EarliestRestorableDateTime"].timestamp() == pytest.approx(now, abs=0.001)
    advance(server, 30)
    pitr = pitr_description(ddb, table)["PointInTimeRecoveryDescription"]
    assert pitr["LatestRestorableDateTime"].timestamp() == pytest.approx(now + 30, abs=0.001)
    assert pitr["EarliestRestorableDateTime"].timestamp() == pytest.approx(now, abs=0.001)
    ddb.update_continuous_backups(TableName=table, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": False})
    assert pitr_description(ddb, table)["PointInTimeRecoveryDescription"] == {"PointInTimeRecoveryStatus": "DISABLED"}


def test_recovery_period_in_days(eddy_server):
    from e2e_helpers import raw_request
    server = eddy_server(in_memory=True)
    ddb = make_client(server.endpoint)
    table = name()
    create_table(ddb, table)
    body = {"TableName": table, "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True,
                                                                     "RecoveryPeriodInDays": 7}}
    resp = raw_request(server.endpoint, "UpdateContinuousBackups", body)
    assert resp.status == 200, resp
    assert resp.json["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"]["RecoveryPeriodInDays"] == 7
    body["PointInTimeRecoverySpecification"]["RecoveryPeriodInDays"] = 36
    resp = raw_request(server.endpoint, "UpdateContinuousBackups", body)
    assert resp.status == 400
    assert resp.json["message"] == (
        "1 validation error detected: Value '36' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays' "
        "failed to satisfy constraint: Member must have value less than or equal to 35")
    resp = raw_request(server.endpoint, "UpdateContinuousBackups", {"TableName": table})
    assert resp.status == 400 and resp.json["__type"] == "com.amazon.coral.validate#ValidationException"


def test_restore_to_several_virtual_seconds(eddy_server):
    server = eddy_server(["--clock", "virtual"])
    start_at_whole_second(server)
    ddb = make_client(server.endpoint)
    table = name()
    create_table(ddb, table)
    ddb.put_item(TableName=table, Item={"pk": {"S": "before"}, "v": {"N": "0"}, "g": {"S": "x"}})
    ddb.update_continuous_backups(TableName=table, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    t0 = ok(server.endpoint, "GET", "clock")["epoch_seconds"]
    expected = {t0: [("before", "0")]}
    advance(server, 1)
    ddb.put_item(TableName=table, Item={"pk": {"S": "a"}, "v": {"N": "1"}, "g": {"S": "x"}})
    expected[t0 + 1] = [("a", "1"), ("before", "0")]
    advance(server, 1)
    ddb.update_item(TableName=table, Key={"pk": {"S": "a"}}, UpdateExpression="SET v = :v",
                    ExpressionAttributeValues={":v": {"N": "2"}})
    ddb.delete_item(TableName=table, Key={"pk": {"S": "before"}})
    expected[t0 + 2] = [("a", "2")]
    advance(server, 1)
    ddb.put_item(TableName=table, Item={"pk": {"S": "b"}, "v": {"N": "3"}, "g": {"S": "y"}})
    ddb.delete_item(TableName=table, Key={"pk": {"S": "a"}})
    expected[t0 + 3] = [("b", "3")]
    advance(server, 1)
    for i, (at, items) in enumerate(sorted(expected.items())):
        target = f"{table}_at{i}"
        restored = ddb.restore_table_to_point_in_time(SourceTableName=table, TargetTableName=target,
                                                      RestoreDateTime=at)["TableDescription"]
        assert restored["RestoreSummary"]["RestoreDateTime"].timestamp() == pytest.approx(at, abs=0.001)
        assert "SourceBackupArn" not in restored["RestoreSummary"]
        assert items_of(ddb, target) == items, at
        described = ddb.describe_table(TableName=target)["Table"]
        assert described["ItemCount"] == len(items)
        in_x = ddb.query(TableName=target, IndexName="by_g", KeyConditionExpression="g = :g",
                         ExpressionAttributeValues={":g": {"S": "x"}})["Items"]
        assert sorted(i["pk"]["S"] for i in in_x) == sorted(k for k, _ in items if k != "b")
    arn = ddb.describe_table(TableName=table)["Table"]["TableArn"]
    latest = ddb.restore_table_to_point_in_time(SourceTableArn=arn, TargetTableName=f"{table}_latest",
                                                UseLatestRestorableTime=True)["TableDescription"]
    assert latest["RestoreSummary"]["SourceTableArn"] == arn
    assert items_of(ddb, f"{table}_latest") == [("b", "3")]
    # The source is untouched, and PITR on it goes on after a restart.
    assert items_of(ddb, table) == [("b", "3")]
    server.stop()
    server = eddy_server(["--clock", "virtual"], data_dir=server.data_dir)
    ddb = make_client(server.endpoint)
    ddb.restore_table_to_point_in_time(SourceTableName=table, TargetTableName=f"{table}_again", RestoreDateTime=t0 + 1)
    assert items_of(ddb, f"{table}_again") == [("a", "1"), ("before", "0")]


def test_restore_to_point_in_time_errors(eddy_server):
    server = eddy_server(["--clock", "virtual"], in_memory=True)
    ddb = make_client(server.endpoint)
    table, other = name(), name()
    create_table(ddb, table)
    create_table(ddb, other)
    assert error_of(ddb.restore_table_to_point_in_time, SourceTableName=table, TargetTableName=name(),
                    UseLatestRestorableTime=True) == (
        "PointInTimeRecoveryUnavailableException", f"Point in time recovery is not enabled for table '{table}'")
    missing = name("missing")
    assert error_of(ddb.restore_table_to_point_in_time, SourceTableName=missing, TargetTableName=name(),
                    UseLatestRestorableTime=True) == ("TableNotFoundException", f"Table not found: {missing}")
    ddb.update_continuous_backups(TableName=table, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    now = ok(server.endpoint, "GET", "clock")["epoch_seconds"]
    invalid = ("InvalidRestoreTimeException", "Restore time must be between the EarliestRestorableDateTime and the "
               "LatestRestorableDateTime of the source table")
    assert error_of(ddb.restore_table_to_point_in_time, SourceTableName=table, TargetTableName=name(),
                    RestoreDateTime=now - 60) == invalid
    assert error_of(ddb.restore_table_to_point_in_time, SourceTableName=table, TargetTableName=name(),
                    RestoreDateTime=now + 60) == invalid
    assert error_of(ddb.restore_table_to_point_in_time, SourceTableName=table, TargetTableName=other,
                    UseLatestRestorableTime=True) == ("TableAlreadyExistsException", f"Table already exists: {other}")
    code, message = error_of(ddb.restore_table_to_point_in_time, SourceTableName=table, TargetTableName=name(),
                             UseLatestRestorableTime=True, RestoreDateTime=now)
    assert code == "ValidationException"
    code, _ = error_of(ddb.restore_table_to_point_in_time, TargetTableName=name(), UseLatestRestorableTime=True)
    assert code == "ValidationException"


def test_change_log_stays_within_a_short_window(eddy_server):
    window = 10
    server = eddy_server(["--clock", "virtual", "--pitr-window-seconds", str(window)])
    start_at_whole_second(server)
    ddb = make_client(server.endpoint)
    table = name()
    create_table(ddb, table)
    ddb.update_continuous_backups(TableName=table, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    writes_per_second = 5
    counts = []
    for second in range(40):
        for i in range(writes_per_second):
            ddb.put_item(TableName=table, Item={"pk": {"S": f"k{i}"}, "v": {"N": str(second)}, "g": {"S": "x"}})
        advance(server, 1)  # answered once the maintenance (and the trim) ran at the new time
        counts.append(ok(server.endpoint, "GET", f"tables/{table}/point-in-time")["changes"])
    # It grows for the window's length, then stops growing.
    assert max(counts) <= (window + 1) * writes_per_second
    steady = counts[window + 5:]
    assert max(steady) - min(steady) <= writes_per_second, counts
    assert min(steady) >= (window - 1) * writes_per_second, counts
    now = ok(server.endpoint, "GET", "clock")["epoch_seconds"]
    pitr = pitr_description(ddb, table)["PointInTimeRecoveryDescription"]
    assert pitr["EarliestRestorableDateTime"].timestamp() == pytest.approx(now - window, abs=1)
    # What rolled into the base is still restorable: the state 5 seconds ago, and at the earliest time.
    ddb.restore_table_to_point_in_time(SourceTableName=table, TargetTableName=f"{table}_r", RestoreDateTime=now - 5.5)
    assert items_of(ddb, f"{table}_r") == [(f"k{i}", "34") for i in range(writes_per_second)]
    earliest = pitr["EarliestRestorableDateTime"].timestamp()
    ddb.restore_table_to_point_in_time(SourceTableName=table, TargetTableName=f"{table}_e",
                                       RestoreDateTime=earliest + 0.5)
    assert items_of(ddb, f"{table}_e") == [(f"k{i}", "30") for i in range(writes_per_second)]
