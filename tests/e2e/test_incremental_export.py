"""ExportTableToPointInTime from point-in-time recovery (docs/export-import.md): a FULL_EXPORT at a
past ExportTime is the table as it was at that second; an INCREMENTAL_EXPORT holds each item changed
in its period once, in AWS's record format and folder layout, with both views; AWS's checks of the
export type and the times; and an incremental export imports nothing, as ImportTable reads full
exports only. Time is the virtual clock's."""
import gzip
import json
import pathlib
import time
import uuid

import pytest
from botocore.exceptions import ClientError

from admin_support import ok
from conftest import make_client
from e2e_helpers import error_of as raw_error_of
from e2e_helpers import raw_request
from export_import_support import data_lines, export_folder, wait_export, wait_import

pytestmark = pytest.mark.eddy_only

BUCKET = "incremental"
T0 = 1893456000  # 2030-01-01T00:00:00Z


def error_of(call, **kwargs):
    with pytest.raises(ClientError) as caught:
        call(**kwargs)
    return caught.value.response["Error"]["Code"], caught.value.response["Error"]["Message"]


def export_raw(server, arn, **members):
    """ExportTableToPointInTime on the wire: Debian's botocore predates ExportType and
    IncrementalExportSpecification. The ExportDescription, or the error's (code, message)."""
    answer = raw_request(server.endpoint, "ExportTableToPointInTime",
                         {"TableArn": arn, "S3Bucket": BUCKET, **members})
    if answer.status != 200:
        return raw_error_of(answer)
    return answer.json["ExportDescription"]


def described_raw(server, arn):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        described = raw_request(server.endpoint, "DescribeExport", {"ExportArn": arn}).json["ExportDescription"]
        if described["ExportStatus"] != "IN_PROGRESS":
            return described
        time.sleep(0.05)
    raise AssertionError(f"export {arn} still IN_PROGRESS")


def advance(server, seconds):
    return ok(server.endpoint, "POST", "clock", {"advance_seconds": seconds})["epoch_seconds"]


@pytest.fixture
def pitr(eddy_server, tmp_path):
    """An eddy on the virtual clock at T0 and a table of items a, b, c (v=0) with PITR enabled at T0."""
    s3_dir = tmp_path / "s3"
    s3_dir.mkdir()
    server = eddy_server(["--clock", "virtual", "--s3-dir", str(s3_dir)], in_memory=True)
    ok(server.endpoint, "POST", "clock", {"set": "2030-01-01T00:00:00Z"})
    ddb = make_client(server.endpoint)
    table = f"inc_{uuid.uuid4().hex[:8]}"
    ddb.create_table(TableName=table, BillingMode="PAY_PER_REQUEST",
                     AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                     KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}])
    for pk in "abc":
        ddb.put_item(TableName=table, Item={"pk": {"S": pk}, "v": {"N": "0"}})
    ddb.update_continuous_backups(TableName=table,
                                  PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    arn = ddb.describe_table(TableName=table)["Table"]["TableArn"]
    return server, ddb, s3_dir, table, arn


def put(ddb, table, pk, v):
    ddb.put_item(TableName=table, Item={"pk": {"S": pk}, "v": {"N": str(v)}})


def write_history(server, ddb, table):
    """T0+60: a=1, b deleted, d made, e made and deleted; T0+120: a=2; then 20 minutes pass."""
    advance(server, 60)
    put(ddb, table, "a", 1)
    ddb.delete_item(TableName=table, Key={"pk": {"S": "b"}})
    put(ddb, table, "d", 1)
    put(ddb, table, "e", 1)
    ddb.delete_item(TableName=table, Key={"pk": {"S": "e"}})
    advance(server, 60)
    put(ddb, table, "a", 2)
    advance(server, 1200)


def item(pk, v):
    return {"pk": {"S": pk}, "v": {"N": str(v)}}


def incremental_lines(s3_dir, described):
    folder = export_folder(s3_dir, BUCKET, described["ExportManifest"])
    entries = [json.loads(line) for line in (folder / "manifest-files.json").read_text().splitlines() if line]
    lines = []
    for entry in entries:
        # Incremental exports share the AWSDynamoDB/data folder beside the exports' own folders.
        assert entry["dataFileS3Key"].startswith("AWSDynamoDB/data/"), entry
        raw = (pathlib.Path(s3_dir) / BUCKET / entry["dataFileS3Key"]).read_bytes()
        lines += [json.loads(line) for line in gzip.decompress(raw).decode().splitlines() if line]
    return folder, sorted(lines, key=lambda r: r["Keys"]["pk"]["S"])


def test_incremental_export_with_new_and_old_images(pitr):
    server, ddb, s3_dir, table, arn = pitr
    write_history(server, ddb, table)
    now = T0 + 1320
    started = export_raw(server, arn, ExportType="INCREMENTAL_EXPORT",
                         IncrementalExportSpecification={"ExportFromTime": T0 + 30})
    assert started["ExportStatus"] == "IN_PROGRESS"
    described = described_raw(server, started["ExportArn"])
    assert described["ExportStatus"] == "COMPLETED", described
    assert described["ExportType"] == "INCREMENTAL_EXPORT"
    assert "ExportTime" not in described
    assert described["IncrementalExportSpecification"] == {
        "ExportFromTime": T0 + 30, "ExportToTime": now, "ExportViewType": "NEW_AND_OLD_IMAGES"}
    assert (described["ItemCount"], described["BilledSizeBytes"]) == (3, 10000000)
    folder, lines = incremental_lines(s3_dir, described)
    assert lines == [
        {"Metadata": {"WriteTimestampMicros": {"N": str((T0 + 120) * 1000000)}}, "Keys": {"pk": {"S": "a"}},
         "OldImage": item("a", 0), "NewImage": item("a", 2)},
        {"Metadata": {"WriteTimestampMicros": {"N": str((T0 + 60) * 1000000)}}, "Keys": {"pk": {"S": "b"}},
         "OldImage": item("b", 0)},
        {"Metadata": {"WriteTimestampMicros": {"N": str((T0 + 60) * 1000000)}}, "Keys": {"pk": {"S": "d"}},
         "NewImage": item("d", 1)},
    ]
    summary = json.loads((folder / "manifest-summary.json").read_text())
    assert summary["version"] == "2023-08-01"
    assert (summary["exportType"], summary["outputView"], summary["itemCount"]) == \
        ("INCREMENTAL_EXPORT", "NEW_AND_OLD_IMAGES", 3)
    assert (summary["exportFromTime"], summary["exportToTime"]) == \
        ("2030-01-01T00:00:30.000Z", "2030-01-01T00:22:00.000Z")
    assert "exportTime" not in summary
    assert (folder / "_started").exists() and not (folder / "data").exists()


def test_incremental_export_new_image_view_and_a_period_that_ends_earlier(pitr):
    server, ddb, s3_dir, table, arn = pitr
    write_history(server, ddb, table)
    # The period [T0, T0+1000) holds every change; this view shows no old images.
    started = export_raw(server, arn, ExportType="INCREMENTAL_EXPORT", ExportFormat="DYNAMODB_JSON",
                         IncrementalExportSpecification={"ExportFromTime": T0, "ExportToTime": T0 + 1000,
                                                         "ExportViewType": "NEW_IMAGE"})
    described = described_raw(server, started["ExportArn"])
    assert described["IncrementalExportSpecification"]["ExportViewType"] == "NEW_IMAGE"
    _, lines = incremental_lines(s3_dir, described)
    micros = {"N": str((T0 + 60) * 1000000)}
    assert lines == [
        {"Metadata": {"WriteTimestampMicros": {"N": str((T0 + 120) * 1000000)}}, "Keys": {"pk": {"S": "a"}},
         "NewImage": item("a", 2)},
        {"Metadata": {"WriteTimestampMicros": micros}, "Keys": {"pk": {"S": "b"}}},
        {"Metadata": {"WriteTimestampMicros": micros}, "Keys": {"pk": {"S": "d"}}, "NewImage": item("d", 1)},
    ]
    # ImportTable reads full exports only: every incremental record is refused.
    imported = ddb.import_table(
        S3BucketSource={"S3Bucket": BUCKET, "S3KeyPrefix": "AWSDynamoDB/data/"}, InputFormat="DYNAMODB_JSON",
        InputCompressionType="GZIP",
        TableCreationParameters={"TableName": table + "_imported", "BillingMode": "PAY_PER_REQUEST",
                                 "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                                 "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]})
    finished = wait_import(ddb, imported["ImportTableDescription"]["ImportArn"])
    assert (finished["ImportStatus"], finished["ImportedItemCount"], finished["ErrorCount"]) == ("COMPLETED", 0, 3)
    assert ddb.scan(TableName=table + "_imported")["Items"] == []


def test_full_export_at_a_past_export_time(pitr):
    server, ddb, s3_dir, table, arn = pitr
    write_history(server, ddb, table)
    started = ddb.export_table_to_point_in_time(TableArn=arn, S3Bucket=BUCKET, ExportTime=T0 + 90)
    described = wait_export(ddb, started["ExportDescription"]["ExportArn"])
    assert described["ExportStatus"] == "COMPLETED", described
    assert described["ExportTime"].timestamp() == T0 + 90
    _, lines = data_lines(export_folder(s3_dir, BUCKET, described["ExportManifest"]))
    items = sorted((json.loads(line)["Item"] for line in lines), key=lambda i: i["pk"]["S"])
    assert items == [item("a", 1), item("c", 0), item("d", 1)]
    assert described["ItemCount"] == 3
    # Before PITR was enabled there is nothing to export; the table itself is untouched.
    assert error_of(ddb.export_table_to_point_in_time, TableArn=arn, S3Bucket=BUCKET, ExportTime=T0 - 10) == \
        ("InvalidExportTimeException", "Export Time is invalid")
    assert error_of(ddb.export_table_to_point_in_time, TableArn=arn, S3Bucket=BUCKET, ExportTime=T0 + 3600) == \
        ("InvalidExportTimeException", "Export Time is invalid")
    assert len(ddb.scan(TableName=table)["Items"]) == 3


def test_export_type_and_period_errors(pitr):
    server, ddb, s3_dir, table, arn = pitr

    def refused(**members):
        return export_raw(server, arn, **members)

    spec = {"ExportFromTime": T0}
    assert refused(IncrementalExportSpecification=spec) == (
        "ValidationException", "Invalid Request: Export Type expected to be Incremental Export when incremental "
        "export specification is provided")
    assert refused(ExportType="FULL_EXPORT", IncrementalExportSpecification=spec) == (
        "ValidationException", "Invalid Request: When Export Type is Full Export , Incremental Export "
        "Specification should not be provided")
    assert refused(ExportType="INCREMENTAL_EXPORT") == (
        "ValidationException", "Invalid Request: Incremental Export Specification expected when export type is "
        "set as Incremental Export")
    assert refused(ExportType="INCREMENTAL_EXPORT", IncrementalExportSpecification={}) == (
        "ValidationException", "Invalid Request: ExportFromTime must be provided in IncrementalExportSpecification")
    code, message = refused(ExportType="INCREMENTAL_EXPORT",
                            IncrementalExportSpecification={"ExportFromTime": T0, "ExportViewType": "NEW_IMAGES"})
    assert code == "ValidationException" and "NEW_IMAGES" in message and "exportViewType" in message
    advance(server, 100000)  # past 24 hours after PITR was enabled
    now = T0 + 100000

    def period(start, end=None):
        spec = {"ExportFromTime": start}
        if end is not None:
            spec["ExportToTime"] = end
        return refused(ExportType="INCREMENTAL_EXPORT", IncrementalExportSpecification=spec)

    assert period(T0 - 1, T0 + 3600) == (
        "InvalidExportTimeException",
        "Incremental export period from time cannot be less than the table creation time : 2030-01-01T00:00:00Z")
    assert period(now - 3600, now + 3600) == (
        "InvalidExportTimeException",
        "Incremental export period to time cannot be greater than the current time : 2030-01-02T03:46:40Z")
    short = ("InvalidExportTimeException",
             "Difference between export period from time and export period to time is less than 15 minutes")
    assert period(now - 600) == short
    assert period(now - 600, now - 1200) == short
    assert period(T0, T0 + 25 * 3600) == (
        "InvalidExportTimeException",
        "Difference between export period from time and export period to time is greater than 24 hours")
    ddb.update_continuous_backups(TableName=table,
                                  PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": False})
    assert period(now - 3600) == (
        "InvalidExportTimeException",
        "Incremental export period from time cannot be less than the table creation time : 2030-01-01T00:00:00Z")
    assert error_of(ddb.export_table_to_point_in_time, TableArn=arn, S3Bucket=BUCKET, ExportTime=now - 60) == (
        "PointInTimeRecoveryUnavailableException", f"Point in time recovery is not enabled for table '{table}'")
