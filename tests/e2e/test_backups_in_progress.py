"""Restores, imports and exports seen while they run and cut short by kill -9
(docs/backups.md, docs/export-import.md): the hidden --pause-transfers-after-items N holds each one
after N items until eddy stops, so that AWS's errors for work under way can be seen
(BackupInUseException, ContinuousBackupsUnavailableException, LimitExceededException for the 300
exports in progress), and a kill at that point leaves what the next start must clean up: the half
restored or imported table is removed and the import is FAILED. Also the SYSTEM backup DeleteTable
keeps of a table with point-in-time recovery."""
import json
import time
import uuid

import pytest
from botocore.exceptions import ClientError

from conftest import make_client
from export_import_support import wait_import

pytestmark = pytest.mark.eddy_only

WAIT_S = 30


def error_of(call, **kwargs):
    with pytest.raises(ClientError) as caught:
        call(**kwargs)
    return caught.value.response["Error"]["Code"], caught.value.response["Error"]["Message"]


def name(prefix):
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def make_table(ddb, table, count):
    ddb.create_table(TableName=table, BillingMode="PAY_PER_REQUEST",
                     AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                     KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}])
    for i in range(count):
        ddb.put_item(TableName=table, Item={"pk": {"S": f"k{i}"}, "v": {"N": str(i)}})


def wait_for(condition, what):
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"{what} not after {WAIT_S} s")


def table_names(ddb):
    return ddb.list_tables()["TableNames"]


def test_a_restore_in_progress_holds_its_backup_and_a_kill_removes_its_table(eddy_server):
    server = eddy_server(["--pause-transfers-after-items", "2"])
    ddb = make_client(server.endpoint)
    source, target = name("src"), name("restored")
    make_table(ddb, source, 5)
    backup = ddb.create_backup(TableName=source, BackupName="before")["BackupDetails"]["BackupArn"]
    answer = ddb.restore_table_from_backup(TargetTableName=target, BackupArn=backup)["TableDescription"]
    assert (answer["TableStatus"], answer["RestoreSummary"]["RestoreInProgress"]) == ("CREATING", True)
    described = ddb.describe_table(TableName=target)["Table"]
    assert (described["TableStatus"], described["RestoreSummary"]["RestoreInProgress"]) == ("CREATING", True)
    assert error_of(ddb.restore_table_from_backup, TargetTableName=name("other"), BackupArn=backup) == (
        "BackupInUseException", f"Backup is being used to restore another table: {backup}")
    assert error_of(ddb.delete_backup, BackupArn=backup) == (
        "BackupInUseException", f"Backup is being used to restore table: {backup}")
    unavailable = ("ContinuousBackupsUnavailableException",
                   f"Backups are being enabled for the table: {target}. Please retry later")
    assert error_of(ddb.update_continuous_backups, TableName=target,
                    PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True}) == unavailable
    assert error_of(ddb.create_backup, TableName=target, BackupName="again") == unavailable
    assert ddb.describe_backup(BackupArn=backup)["BackupDescription"]["BackupDetails"]["BackupStatus"] == "AVAILABLE"

    server.kill9()
    server = eddy_server(data_dir=server.data_dir)
    ddb = make_client(server.endpoint)
    # The half restored table is gone; the source and the backup are as they were.
    assert target not in table_names(ddb) and source in table_names(ddb)
    assert error_of(ddb.describe_table, TableName=target)[0] == "ResourceNotFoundException"
    restored = ddb.restore_table_from_backup(TargetTableName=target, BackupArn=backup)["TableDescription"]
    assert (restored["TableStatus"], restored["RestoreSummary"]["RestoreInProgress"]) == ("ACTIVE", False)
    assert sorted(i["pk"]["S"] for i in ddb.scan(TableName=target)["Items"]) == [f"k{i}" for i in range(5)]
    assert ddb.describe_table(TableName=target)["Table"]["ItemCount"] == 5
    assert ddb.delete_backup(BackupArn=backup)["BackupDescription"]["BackupDetails"]["BackupStatus"] == "DELETED"


def test_an_import_is_creating_until_it_ends_and_a_kill_fails_it(eddy_server, tmp_path):
    s3_dir = tmp_path / "s3"
    (s3_dir / "bucket" / "data").mkdir(parents=True)
    lines = "".join(json.dumps({"Item": {"pk": {"S": f"k{i}"}}}) + "\n" for i in range(5))
    (s3_dir / "bucket" / "data" / "items.json").write_text(lines)
    data_dir = tmp_path / "data"
    server = eddy_server(["--s3-dir", str(s3_dir), "--pause-transfers-after-items", "2"], data_dir=data_dir)
    ddb = make_client(server.endpoint)
    table = name("imported")
    parameters = {"TableName": table, "BillingMode": "PAY_PER_REQUEST",
                  "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}
    started = ddb.import_table(S3BucketSource={"S3Bucket": "bucket", "S3KeyPrefix": "data/"},
                               InputFormat="DYNAMODB_JSON", TableCreationParameters=parameters)
    arn = started["ImportTableDescription"]["ImportArn"]
    wait_for(lambda: ddb.describe_table(TableName=table)["Table"]["ItemCount"] == 2 or
             len(ddb.scan(TableName=table, ConsistentRead=True)["Items"]) == 2, "two items imported")
    assert ddb.describe_table(TableName=table)["Table"]["TableStatus"] == "CREATING"
    assert ddb.describe_import(ImportArn=arn)["ImportTableDescription"]["ImportStatus"] == "IN_PROGRESS"

    server.kill9()
    server = eddy_server(["--s3-dir", str(s3_dir)], data_dir=data_dir)
    ddb = make_client(server.endpoint)
    failed = ddb.describe_import(ImportArn=arn)["ImportTableDescription"]
    assert (failed["ImportStatus"], failed["FailureCode"]) == ("FAILED", "InternalError")
    assert table not in table_names(ddb)
    # Without the pause the same import ends COMPLETED and its table ACTIVE.
    again = ddb.import_table(S3BucketSource={"S3Bucket": "bucket", "S3KeyPrefix": "data/"},
                             InputFormat="DYNAMODB_JSON", TableCreationParameters=parameters)
    finished = wait_import(ddb, again["ImportTableDescription"]["ImportArn"])
    assert (finished["ImportStatus"], finished["ImportedItemCount"]) == ("COMPLETED", 5)
    assert ddb.describe_table(TableName=table)["Table"]["TableStatus"] == "ACTIVE"


def test_at_most_300_exports_are_in_progress(eddy_server, tmp_path):
    s3_dir = tmp_path / "s3"
    s3_dir.mkdir()
    server = eddy_server(["--s3-dir", str(s3_dir), "--pause-transfers-after-items", "1"], in_memory=True)
    ddb = make_client(server.endpoint)
    table = name("exported")
    make_table(ddb, table, 2)
    ddb.update_continuous_backups(TableName=table,
                                  PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    arn = ddb.describe_table(TableName=table)["Table"]["TableArn"]
    for _ in range(300):
        started = ddb.export_table_to_point_in_time(TableArn=arn, S3Bucket="bucket")["ExportDescription"]
        assert started["ExportStatus"] == "IN_PROGRESS"
    assert error_of(ddb.export_table_to_point_in_time, TableArn=arn, S3Bucket="bucket") == (
        "LimitExceededException", "Subscriber limit exceeded: Only 300 exports can be in progress at a time")
    listed, token = [], None
    while True:
        page = ddb.list_exports(TableArn=arn, **({"NextToken": token} if token else {}))
        listed += page["ExportSummaries"]
        token = page.get("NextToken")
        if not token:
            break
    assert len(listed) == 300 and {e["ExportStatus"] for e in listed} == {"IN_PROGRESS"}


def test_deleting_a_pitr_table_keeps_a_system_backup(eddy_server):
    server = eddy_server(in_memory=True)
    ddb = make_client(server.endpoint)
    table, plain = name("deleted"), name("plain")
    make_table(ddb, table, 3)
    make_table(ddb, plain, 1)
    ddb.update_continuous_backups(TableName=table,
                                  PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    ddb.delete_table(TableName=table)
    ddb.delete_table(TableName=plain)
    assert ddb.list_backups(TableName=table)["BackupSummaries"] == []  # USER by default
    assert ddb.list_backups(TableName=plain, BackupType="ALL")["BackupSummaries"] == []
    (system,) = ddb.list_backups(TableName=table, BackupType="SYSTEM")["BackupSummaries"]
    assert ddb.list_backups(TableName=table, BackupType="ALL")["BackupSummaries"] == [system]
    assert (system["BackupName"], system["BackupType"], system["BackupStatus"]) == \
        (f"{table}$DeletedTableBackup", "SYSTEM", "AVAILABLE")
    assert system["BackupArn"].endswith("-00000000")
    expiry = system["BackupExpiryDateTime"].timestamp() - system["BackupCreationDateTime"].timestamp()
    assert round(expiry) == 35 * 86400
    code, _ = error_of(ddb.delete_backup, BackupArn=system["BackupArn"])
    assert code == "ValidationException"
    restored = name("back")
    ddb.restore_table_from_backup(TargetTableName=restored, BackupArn=system["BackupArn"])
    assert sorted(i["pk"]["S"] for i in ddb.scan(TableName=restored)["Items"]) == ["k0", "k1", "k2"]
