"""On-demand backups (docs/backups.md): CreateBackup, DescribeBackup, ListBackups, DeleteBackup and
RestoreTableFromBackup, with boto3 and the AWS CLI; restored tables' indexes, counts, streams and
RestoreSummary; backups surviving a restart and the deletion of their table."""
import json
import re
import subprocess
import uuid

import pytest
from botocore.exceptions import ClientError

from conftest import make_client

ARN = re.compile(r"^arn:aws:dynamodb:us-east-1:000000000000:table/(?P<table>[^/]+)/backup/\d{14}-[0-9a-f]{8}$")


def name(prefix="bk"):
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def error_of(call, *args, **kwargs):
    with pytest.raises(ClientError) as caught:
        call(*args, **kwargs)
    return caught.value.response["Error"]["Code"], caught.value.response["Error"]["Message"]


def create_rich_table(ddb, table):
    ddb.create_table(
        TableName=table,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"},
                              {"AttributeName": "color", "AttributeType": "S"},
                              {"AttributeName": "size", "AttributeType": "N"}],
        GlobalSecondaryIndexes=[{"IndexName": "by_color", "KeySchema": [{"AttributeName": "color", "KeyType": "HASH"}],
                                 "Projection": {"ProjectionType": "ALL"}}],
        LocalSecondaryIndexes=[{"IndexName": "by_size", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                                                      {"AttributeName": "size", "KeyType": "RANGE"}],
                                "Projection": {"ProjectionType": "KEYS_ONLY"}}],
        BillingMode="PAY_PER_REQUEST",
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
        Tags=[{"Key": "team", "Value": "shop"}])
    for i in range(25):
        item = {"pk": {"S": f"p{i % 5}"}, "sk": {"N": str(i)}, "size": {"N": str(100 - i)}}
        if i % 2 == 0:
            item["color"] = {"S": "red" if i % 4 == 0 else "blue"}
        ddb.put_item(TableName=table, Item=item)
    ddb.update_time_to_live(TableName=table, TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"})


def scan_all(ddb, table, **kwargs):
    items = []
    kwargs = dict(kwargs)
    while True:
        page = ddb.scan(TableName=table, **kwargs)
        items += page["Items"]
        if "LastEvaluatedKey" not in page:
            return sorted(items, key=lambda item: (item["pk"]["S"], int(item["sk"]["N"])))
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def test_backup_describe_list_restore_delete(ddb):
    source, target = name(), name("restored")
    create_rich_table(ddb, source)
    before = scan_all(ddb, source)
    details = ddb.create_backup(TableName=source, BackupName="nightly")["BackupDetails"]
    match = ARN.match(details["BackupArn"])
    assert match and match["table"] == source, details
    assert details["BackupName"] == "nightly"
    assert details["BackupStatus"] == "AVAILABLE"
    assert details["BackupType"] == "USER"
    assert details["BackupSizeBytes"] > 0
    arn = details["BackupArn"]
    # Changes after the backup are not in it.
    ddb.put_item(TableName=source, Item={"pk": {"S": "late"}, "sk": {"N": "1"}})

    described = ddb.describe_backup(BackupArn=arn)["BackupDescription"]
    assert described["BackupDetails"]["BackupArn"] == arn
    table_details = described["SourceTableDetails"]
    assert table_details["TableName"] == source and table_details["ItemCount"] == 25
    assert table_details["BillingMode"] == "PAY_PER_REQUEST"
    assert table_details["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"},
                                          {"AttributeName": "sk", "KeyType": "RANGE"}]
    features = described["SourceTableFeatureDetails"]
    assert [i["IndexName"] for i in features["GlobalSecondaryIndexes"]] == ["by_color"]
    assert [i["IndexName"] for i in features["LocalSecondaryIndexes"]] == ["by_size"]
    assert features["StreamDescription"] == {"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"}
    assert features["TimeToLiveDescription"] == {"TimeToLiveStatus": "ENABLED", "AttributeName": "expires"}

    listed = ddb.list_backups(TableName=source)["BackupSummaries"]
    assert [b["BackupArn"] for b in listed] == [arn]
    assert listed[0]["TableName"] == source and listed[0]["BackupStatus"] == "AVAILABLE"

    restored = ddb.restore_table_from_backup(TargetTableName=target, BackupArn=arn)["TableDescription"]
    assert restored["TableName"] == target
    assert restored["RestoreSummary"]["SourceBackupArn"] == arn
    assert restored["RestoreSummary"]["SourceTableArn"].endswith(":table/" + source)
    table = ddb.describe_table(TableName=target)["Table"]
    assert table["TableStatus"] == "ACTIVE"
    assert table["RestoreSummary"]["RestoreInProgress"] is False
    assert table["ItemCount"] == 25
    assert table["TableSizeBytes"] == details["BackupSizeBytes"]
    source_table = ddb.describe_table(TableName=source)["Table"]
    assert table["TableId"] != source_table["TableId"]
    # Its own new stream; the source's is untouched.
    assert table["StreamSpecification"] == {"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"}
    assert table["LatestStreamArn"] != source_table["LatestStreamArn"]
    assert table["LatestStreamArn"].startswith(table["TableArn"] + "/stream/")
    assert scan_all(ddb, target) == before
    assert len(scan_all(ddb, source)) == 26
    # Indexes built: the GSI and the LSI answer queries.
    reds = ddb.query(TableName=target, IndexName="by_color", KeyConditionExpression="color = :c",
                     ExpressionAttributeValues={":c": {"S": "red"}})["Items"]
    assert sorted(int(i["sk"]["N"]) for i in reds) == [0, 4, 8, 12, 16, 20, 24]
    sizes = ddb.query(TableName=target, IndexName="by_size", KeyConditionExpression="pk = :p",
                      ExpressionAttributeValues={":p": {"S": "p0"}})["Items"]
    assert [int(i["size"]["N"]) for i in sizes] == [80, 85, 90, 95, 100]
    indexes = {i["IndexName"]: i for i in table["GlobalSecondaryIndexes"]}
    assert indexes["by_color"]["ItemCount"] == 13
    # TTL and tags are not restored, as on AWS.
    assert ddb.describe_time_to_live(TableName=target)["TimeToLiveDescription"] == {"TimeToLiveStatus": "DISABLED"}
    assert ddb.list_tags_of_resource(ResourceArn=table["TableArn"])["Tags"] == []

    deleted = ddb.delete_backup(BackupArn=arn)["BackupDescription"]
    assert deleted["BackupDetails"]["BackupStatus"] == "DELETED"
    assert error_of(ddb.describe_backup, BackupArn=arn) == ("BackupNotFoundException", f"Backup not found: {arn}")
    assert ddb.list_backups(TableName=source)["BackupSummaries"] == []
    # The restored table keeps its items once the backup is gone.
    assert len(scan_all(ddb, target)) == 25
    for t in (source, target):
        ddb.delete_table(TableName=t)


def test_backup_errors(ddb, raw, make_table):
    table = make_table()
    missing = name("missing")
    assert error_of(ddb.create_backup, TableName=missing, BackupName="b1x") == (
        "TableNotFoundException", f"Table not found: {missing}")
    unknown = f"arn:aws:dynamodb:us-east-1:000000000000:table/{table}/backup/01700000000000-00000000"
    for call in (ddb.describe_backup, ddb.delete_backup):
        assert error_of(call, BackupArn=unknown) == ("BackupNotFoundException", f"Backup not found: {unknown}")
    assert error_of(ddb.restore_table_from_backup, TargetTableName=name(), BackupArn=unknown) == (
        "BackupNotFoundException", f"Backup not found: {unknown}")
    arn = ddb.create_backup(TableName=table, BackupName="b1x")["BackupDetails"]["BackupArn"]
    assert error_of(ddb.restore_table_from_backup, TargetTableName=table, BackupArn=arn) == (
        "TableAlreadyExistsException", f"Table already exists: {table}")
    # Constraints, in DynamoDB's words (raw: boto3 checks some of them itself).
    resp = raw("CreateBackup", {"TableName": table, "BackupName": "ab"})
    assert resp.status == 400 and resp.json["__type"] == "com.amazon.coral.validate#ValidationException"
    assert resp.json["message"] == ("1 validation error detected: Value 'ab' at 'backupName' failed to satisfy "
                                    "constraint: Member must have length greater than or equal to 3")
    resp = raw("ListBackups", {"Limit": 0})
    assert resp.status == 400
    assert resp.json["message"] == ("1 validation error detected: Value '0' at 'limit' failed to satisfy "
                                    "constraint: Member must have value greater than or equal to 1")
    resp = raw("ListBackups", {"BackupType": "NIGHTLY"})
    assert resp.status == 400
    assert resp.json["message"] == ("1 validation error detected: Value 'NIGHTLY' at 'backupType' failed to "
                                    "satisfy constraint: Member must satisfy enum value set: "
                                    "[USER, SYSTEM, AWS_BACKUP, ALL]")
    resp = raw("DescribeBackup", {})
    assert resp.status == 400 and resp.json["__type"] == "com.amazon.coral.validate#ValidationException"
    ddb.delete_backup(BackupArn=arn)


def test_list_backups_filters_and_pages(ddb, make_table):
    first, second = make_table(), make_table()
    arns = [ddb.create_backup(TableName=t, BackupName=f"backup{i}")["BackupDetails"]["BackupArn"]
            for i, t in enumerate([first, second, first, first])]
    mine = [b for b in ddb.list_backups(BackupType="ALL")["BackupSummaries"] if b["BackupArn"] in arns]
    assert [b["BackupArn"] for b in mine] == arns
    page = ddb.list_backups(TableName=first, Limit=2)
    assert [b["BackupArn"] for b in page["BackupSummaries"]] == [arns[0], arns[2]]
    assert page["LastEvaluatedBackupArn"] == arns[2]
    page = ddb.list_backups(TableName=first, Limit=2, ExclusiveStartBackupArn=page["LastEvaluatedBackupArn"])
    assert [b["BackupArn"] for b in page["BackupSummaries"]] == [arns[3]]
    assert "LastEvaluatedBackupArn" not in page
    assert ddb.list_backups(TableName=first, BackupType="SYSTEM")["BackupSummaries"] == []
    assert ddb.list_backups(TableName=first, BackupType="AWS_BACKUP")["BackupSummaries"] == []
    created = [b["BackupCreationDateTime"] for b in ddb.list_backups(TableName=first)["BackupSummaries"]]
    later = ddb.list_backups(TableName=first, TimeRangeLowerBound=created[-1])["BackupSummaries"]
    assert arns[3] in [b["BackupArn"] for b in later]
    earlier = ddb.list_backups(TableName=first, TimeRangeUpperBound=created[0])["BackupSummaries"]
    assert earlier == []
    for arn in arns:
        ddb.delete_backup(BackupArn=arn)


def test_restore_overrides(ddb):
    source, target = name(), name("restored")
    create_rich_table(ddb, source)
    arn = ddb.create_backup(TableName=source, BackupName="over")["BackupDetails"]["BackupArn"]
    ddb.restore_table_from_backup(
        TargetTableName=target, BackupArn=arn, BillingModeOverride="PROVISIONED",
        ProvisionedThroughputOverride={"ReadCapacityUnits": 7, "WriteCapacityUnits": 3},
        GlobalSecondaryIndexOverride=[{"IndexName": "by_size_global",
                                       "KeySchema": [{"AttributeName": "size", "KeyType": "HASH"}],
                                       "Projection": {"ProjectionType": "KEYS_ONLY"},
                                       "ProvisionedThroughput": {"ReadCapacityUnits": 2, "WriteCapacityUnits": 2}}],
        SSESpecificationOverride={"Enabled": True, "SSEType": "KMS"})
    table = ddb.describe_table(TableName=target)["Table"]
    assert table["ProvisionedThroughput"]["ReadCapacityUnits"] == 7
    assert table["ProvisionedThroughput"]["WriteCapacityUnits"] == 3
    assert [i["IndexName"] for i in table["GlobalSecondaryIndexes"]] == ["by_size_global"]
    assert table["GlobalSecondaryIndexes"][0]["ItemCount"] == 25
    assert [i["IndexName"] for i in table["LocalSecondaryIndexes"]] == ["by_size"]
    assert table["SSEDescription"]["Status"] == "ENABLED"
    got = ddb.query(TableName=target, IndexName="by_size_global", KeyConditionExpression="#s = :s",
                    ExpressionAttributeNames={"#s": "size"}, ExpressionAttributeValues={":s": {"N": "90"}})["Items"]
    assert got == [{"pk": {"S": "p0"}, "sk": {"N": "10"}, "size": {"N": "90"}}]
    ddb.delete_backup(BackupArn=arn)
    for t in (source, target):
        ddb.delete_table(TableName=t)


@pytest.mark.eddy_only
def test_backups_survive_restart_and_table_deletion(eddy_server):
    server = eddy_server()
    ddb = make_client(server.endpoint)
    source = name()
    create_rich_table(ddb, source)
    before = scan_all(ddb, source)
    arn = ddb.create_backup(TableName=source, BackupName="kept")["BackupDetails"]["BackupArn"]
    server.stop()
    server = eddy_server(data_dir=server.data_dir)
    ddb = make_client(server.endpoint)
    assert ddb.describe_backup(BackupArn=arn)["BackupDescription"]["BackupDetails"]["BackupStatus"] == "AVAILABLE"
    ddb.delete_table(TableName=source)
    assert [b["BackupArn"] for b in ddb.list_backups()["BackupSummaries"]] == [arn]
    ddb.restore_table_from_backup(TargetTableName=source, BackupArn=arn)
    assert scan_all(ddb, source) == before
    server.kill9()
    server = eddy_server(data_dir=server.data_dir)
    ddb = make_client(server.endpoint)
    assert scan_all(ddb, source) == before
    assert ddb.describe_table(TableName=source)["Table"]["RestoreSummary"]["SourceBackupArn"] == arn


@pytest.mark.eddy_only
def test_restored_table_shows_creating_with_delay_transient_statuses(eddy_server):
    server = eddy_server(["-delayTransientStatuses"], in_memory=True)
    ddb = make_client(server.endpoint)
    source = name()
    create_rich_table(ddb, source)
    details = ddb.create_backup(TableName=source, BackupName="slow")["BackupDetails"]
    assert details["BackupStatus"] == "CREATING"
    restored = ddb.restore_table_from_backup(TargetTableName=name(), BackupArn=details["BackupArn"])
    assert restored["TableDescription"]["TableStatus"] == "CREATING"
    assert restored["TableDescription"]["RestoreSummary"]["RestoreInProgress"] is True
    described = ddb.describe_backup(BackupArn=details["BackupArn"])["BackupDescription"]["BackupDetails"]
    assert described["BackupStatus"] == "AVAILABLE"


def aws(env, endpoint, *args):
    result = subprocess.run(["aws", "dynamodb", *args, "--endpoint-url", endpoint, "--output", "json"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode == 0, f"aws dynamodb {args[0]} failed: {result.stderr}"
    return json.loads(result.stdout) if result.stdout.strip() else {}


def test_aws_cli_backup_and_restore(aws_cli_env, endpoint, ddb):
    source, target = name(), name("restored")
    ddb.create_table(TableName=source, KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                     AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                     BillingMode="PAY_PER_REQUEST")
    ddb.put_item(TableName=source, Item={"id": {"S": "1"}, "v": {"N": "1"}})
    created = aws(aws_cli_env, endpoint, "create-backup", "--table-name", source, "--backup-name", "cli")
    arn = created["BackupDetails"]["BackupArn"]
    assert ARN.match(arn)
    listed = aws(aws_cli_env, endpoint, "list-backups", "--table-name", source)
    assert [b["BackupArn"] for b in listed["BackupSummaries"]] == [arn]
    restored = aws(aws_cli_env, endpoint, "restore-table-from-backup", "--target-table-name", target,
                   "--backup-arn", arn)
    assert restored["TableDescription"]["RestoreSummary"]["SourceBackupArn"] == arn
    assert ddb.get_item(TableName=target, Key={"id": {"S": "1"}})["Item"] == {"id": {"S": "1"}, "v": {"N": "1"}}
    aws(aws_cli_env, endpoint, "update-continuous-backups", "--table-name", source,
        "--point-in-time-recovery-specification", "PointInTimeRecoveryEnabled=true")
    described = aws(aws_cli_env, endpoint, "describe-continuous-backups", "--table-name", source)
    pitr = described["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"]
    assert pitr["PointInTimeRecoveryStatus"] == "ENABLED"
    aws(aws_cli_env, endpoint, "restore-table-to-point-in-time", "--source-table-name", source,
        "--target-table-name", target + "_pitr", "--use-latest-restorable-time")
    assert ddb.get_item(TableName=target + "_pitr", Key={"id": {"S": "1"}})["Item"]["v"] == {"N": "1"}
    deleted = aws(aws_cli_env, endpoint, "delete-backup", "--backup-arn", arn)
    assert deleted["BackupDescription"]["BackupDetails"]["BackupStatus"] == "DELETED"
    for t in (source, target, target + "_pitr"):
        ddb.delete_table(TableName=t)
