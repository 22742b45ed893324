"""ExportTableToPointInTime, DescribeExport, ListExports, ImportTable, DescribeImport and ListImports
against an eddy started with --s3-dir: AWS's folder layout and file formats, the round trip of every
attribute type in DYNAMODB_JSON and ION with gzip and zstd, CSV, error counting, restarts."""
import gzip
import json
import re
import subprocess
import time
import uuid

import pytest
from botocore.exceptions import ClientError

from conftest import EddyFactory, make_client
from e2e_helpers import raw_request
from export_import_support import (data_lines, every_type_items, export_folder, normalised, scan_all,
                                   wait_export, wait_import)

pytestmark = pytest.mark.eddy_only

BUCKET = "test-bucket"


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("export_import")
    factory = EddyFactory(workdir)
    s3_dir = workdir / "s3"
    s3_dir.mkdir()
    server = factory(["--s3-dir", str(s3_dir)])
    yield server, make_client(server.endpoint), s3_dir
    server.stop()
    factory.cleanup()


def new_name():
    return f"t_{uuid.uuid4().hex[:10]}"


def make_source(ddb, items=None, name=None):
    name = name or new_name()
    ddb.create_table(TableName=name, BillingMode="PAY_PER_REQUEST",
                     AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                     KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}])
    # AWS exports only tables with point-in-time recovery on.
    ddb.update_continuous_backups(TableName=name,
                                  PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    for item in items if items is not None else every_type_items():
        ddb.put_item(TableName=name, Item=item)
    arn = ddb.describe_table(TableName=name)["Table"]["TableArn"]
    return name, arn


def export(ddb, arn, **kwargs):
    kwargs.setdefault("S3Bucket", BUCKET)
    started = ddb.export_table_to_point_in_time(TableArn=arn, **kwargs)["ExportDescription"]
    assert started["ExportStatus"] == "IN_PROGRESS"
    done = wait_export(ddb, started["ExportArn"])
    assert done["ExportStatus"] == "COMPLETED", done
    return done


def creation(name, **extra):
    params = {"TableName": name, "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
              "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST"}
    params.update(extra)
    return params


def error_of(call):
    with pytest.raises(ClientError) as raised:
        call()
    return raised.value.response["Error"]["Code"], raised.value.response["Error"]["Message"]


def test_without_s3_dir_exports_and_imports_are_refused(ddb):
    code, message = error_of(lambda: ddb.export_table_to_point_in_time(
        TableArn="arn:aws:dynamodb:us-east-1:000000000000:table/x", S3Bucket="b1"))
    assert code == "ValidationException" and "--s3-dir" in message
    code, message = error_of(lambda: ddb.import_table(
        S3BucketSource={"S3Bucket": "b1"}, InputFormat="CSV", TableCreationParameters=creation(new_name())))
    assert code == "ValidationException" and "--s3-dir" in message
    assert error_of(lambda: ddb.list_exports())[0] == "ValidationException"


def test_full_export_writes_aws_layout_and_manifests(s3):
    server, ddb, s3_dir = s3
    name, arn = make_source(ddb)
    table_id = ddb.describe_table(TableName=name)["Table"]["TableId"]
    before = time.time()
    done = export(ddb, arn, S3Prefix="exports/daily")
    export_id = done["ExportArn"].rsplit("/", 1)[1]
    assert re.fullmatch(r"\d{14}-[0-9a-f]{8}", export_id)
    assert done["ExportArn"] == f"{arn}/export/{export_id}"
    assert done["ExportManifest"] == f"exports/daily/AWSDynamoDB/{export_id}/manifest-summary.json"
    assert done["ExportFormat"] == "DYNAMODB_JSON" and done["S3SseAlgorithm"] == "AES256"
    assert done["ItemCount"] == len(every_type_items()) and done["BilledSizeBytes"] > 0
    assert done["TableId"] == table_id and done["S3Bucket"] == BUCKET and done["S3Prefix"] == "exports/daily"
    assert abs(done["ExportTime"].timestamp() - before) < 5

    folder = export_folder(s3_dir, BUCKET, done["ExportManifest"])
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["_started", "data", "manifest-files.checksum", "manifest-files.json",
                     "manifest-summary.checksum", "manifest-summary.json"]
    assert (folder / "_started").read_bytes() == b""
    summary = json.loads((folder / "manifest-summary.json").read_text())
    assert list(summary) == ["version", "exportArn", "startTime", "endTime", "tableArn", "tableId", "exportTime",
                             "s3Bucket", "s3Prefix", "s3SseAlgorithm", "s3SseKmsKeyId", "manifestFilesS3Key",
                             "billedSizeBytes", "itemCount", "outputFormat", "exportType"]
    assert summary["version"] == "2020-06-30" and summary["exportArn"] == done["ExportArn"]
    assert summary["tableArn"] == arn and summary["tableId"] == table_id
    assert summary["s3Bucket"] == BUCKET and summary["s3Prefix"] == "exports/daily"
    assert summary["manifestFilesS3Key"] == f"exports/daily/AWSDynamoDB/{export_id}/manifest-files.json"
    assert summary["itemCount"] == done["ItemCount"] and summary["billedSizeBytes"] == done["BilledSizeBytes"]
    assert summary["outputFormat"] == "DYNAMODB_JSON" and summary["exportType"] == "FULL_EXPORT"
    for key in ("startTime", "endTime", "exportTime"):
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", summary[key])
    import hashlib
    assert (folder / "manifest-summary.checksum").read_text() == \
        hashlib.md5((folder / "manifest-summary.json").read_bytes()).hexdigest()

    entries, lines = data_lines(folder)
    for entry in entries:
        assert re.fullmatch(rf"exports/daily/AWSDynamoDB/{export_id}/data/[a-z2-7]{{26}}\.json\.gz",
                            entry["dataFileS3Key"])
        assert list(entry) == ["itemCount", "md5Checksum", "etag", "dataFileS3Key"]
    exported = sorted((json.loads(line) for line in lines), key=lambda r: r["Item"]["pk"]["S"])
    assert all(list(record) == ["Item"] for record in exported)
    assert {"pk": {"S": "plain"}, "n": {"N": "1"}} in [r["Item"] for r in exported]
    assert len(exported) == len(every_type_items())


def test_export_in_ion_writes_ion_text(s3):
    server, ddb, s3_dir = s3
    items = [{"pk": {"S": "one"}, "n": {"N": "103"}, "d": {"N": "1.5"}, "ss": {"SS": ["a"]},
              "b": {"B": b"hi"}, "m": {"M": {"x y": {"NULL": True}}}, "t": {"BOOL": True}}]
    name, arn = make_source(ddb, items)
    done = export(ddb, arn, ExportFormat="ION")
    assert done["ExportFormat"] == "ION"
    folder = export_folder(s3_dir, BUCKET, done["ExportManifest"])
    entries, lines = data_lines(folder)
    assert entries[0]["dataFileS3Key"].endswith(".ion.gz")
    assert lines == ['$ion_1_0 {Item:{b:{{aGk=}},d:1.5,m:{\'x y\':null},n:103.,pk:"one",ss:$dynamodb_SS::["a"],'
                     't:true}}']
    assert json.loads((folder / "manifest-summary.json").read_text())["outputFormat"] == "ION"


def recompress_as_zstd(folder, target):
    """The export's data files, gunzipped and compressed again with zstd, under `target`."""
    target.mkdir(parents=True)
    for path in (folder / "data").iterdir():
        plain = target / path.name.removesuffix(".gz")
        plain.write_bytes(gzip.decompress(path.read_bytes()))
        subprocess.run(["zstd", "-q", "--rm", str(plain), "-o", str(plain) + ".zst"], check=True, timeout=30)


@pytest.mark.parametrize("export_format", ["DYNAMODB_JSON", "ION"])
@pytest.mark.parametrize("compression", ["GZIP", "ZSTD"])
def test_export_then_import_keeps_every_attribute_type(s3, export_format, compression):
    server, ddb, s3_dir = s3
    name, arn = make_source(ddb)
    done = export(ddb, arn, S3Prefix=f"rt-{uuid.uuid4().hex[:6]}", ExportFormat=export_format)
    folder = export_folder(s3_dir, BUCKET, done["ExportManifest"])
    prefix = str(folder.relative_to(s3_dir / BUCKET)) + "/data/"
    if compression == "ZSTD":
        prefix = f"zstd-{uuid.uuid4().hex[:6]}/"
        recompress_as_zstd(folder, s3_dir / BUCKET / prefix)
    target = new_name()
    started = ddb.import_table(S3BucketSource={"S3Bucket": BUCKET, "S3KeyPrefix": prefix},
                               InputFormat=export_format, InputCompressionType=compression,
                               TableCreationParameters=creation(target))["ImportTableDescription"]
    assert started["ImportStatus"] == "IN_PROGRESS"
    finished = wait_import(ddb, started["ImportArn"])
    assert finished["ImportStatus"] == "COMPLETED", finished
    count = len(every_type_items())
    assert (finished["ImportedItemCount"], finished["ProcessedItemCount"], finished["ErrorCount"]) == (count, count, 0)
    assert finished["ProcessedSizeBytes"] > 0
    assert scan_all(ddb, target) == scan_all(ddb, name)
    assert scan_all(ddb, target) == sorted((normalised(i) for i in every_type_items()), key=lambda i: i["pk"]["S"])


def test_import_from_a_whole_export_folder_skips_its_manifests(s3):
    server, ddb, s3_dir = s3
    name, arn = make_source(ddb)
    done = export(ddb, arn, S3Prefix=f"whole-{uuid.uuid4().hex[:6]}")
    prefix = done["ExportManifest"].rsplit("/", 1)[0]
    target = new_name()
    arn_of_import = ddb.import_table(S3BucketSource={"S3Bucket": BUCKET, "S3KeyPrefix": prefix},
                                     InputFormat="DYNAMODB_JSON", InputCompressionType="GZIP",
                                     TableCreationParameters=creation(target))["ImportTableDescription"]["ImportArn"]
    finished = wait_import(ddb, arn_of_import)
    assert (finished["ImportStatus"], finished["ErrorCount"]) == ("COMPLETED", 0)
    assert scan_all(ddb, target) == scan_all(ddb, name)


def test_csv_import_with_a_header_list_and_typed_keys(s3):
    server, ddb, s3_dir = s3
    folder = s3_dir / BUCKET / "csv-headerless"
    folder.mkdir(parents=True)
    (folder / "part1.csv").write_text('1;alpha;"semi;colon"\n2;beta;\n3;"say ""hi""";x\n')
    target = new_name()
    params = {"TableName": target, "BillingMode": "PAY_PER_REQUEST",
              "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "N"},
                                       {"AttributeName": "name", "AttributeType": "S"}],
              "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
              "GlobalSecondaryIndexes": [{"IndexName": "by_name",
                                          "KeySchema": [{"AttributeName": "name", "KeyType": "HASH"}],
                                          "Projection": {"ProjectionType": "ALL"}}]}
    started = ddb.import_table(S3BucketSource={"S3Bucket": BUCKET, "S3KeyPrefix": "csv-headerless/"},
                               InputFormat="CSV",
                               InputFormatOptions={"Csv": {"Delimiter": ";", "HeaderList": ["id", "name", "note"]}},
                               TableCreationParameters=params)["ImportTableDescription"]
    assert started["InputFormatOptions"] == {"Csv": {"Delimiter": ";", "HeaderList": ["id", "name", "note"]}}
    finished = wait_import(ddb, started["ImportArn"])
    assert (finished["ImportStatus"], finished["ImportedItemCount"], finished["ErrorCount"]) == ("COMPLETED", 3, 0)
    items = {i["id"]["N"]: i for i in ddb.scan(TableName=target)["Items"]}
    assert items == {"1": {"id": {"N": "1"}, "name": {"S": "alpha"}, "note": {"S": "semi;colon"}},
                     "2": {"id": {"N": "2"}, "name": {"S": "beta"}},
                     "3": {"id": {"N": "3"}, "name": {"S": 'say "hi"'}, "note": {"S": "x"}}}
    by_name = ddb.query(TableName=target, IndexName="by_name", KeyConditionExpression="#n = :n",
                        ExpressionAttributeNames={"#n": "name"}, ExpressionAttributeValues={":n": {"S": "beta"}})
    assert by_name["Items"] == [items["2"]]
    table = ddb.describe_table(TableName=target)["Table"]
    assert table["GlobalSecondaryIndexes"][0]["IndexName"] == "by_name"
    assert table["ItemCount"] == 3


def test_csv_import_reads_the_header_line(s3):
    server, ddb, s3_dir = s3
    folder = s3_dir / BUCKET / "csv-header"
    folder.mkdir(parents=True)
    (folder / "a.csv").write_text("pk,colour,size\nk1,red,10\nk2,,20\n")
    target = new_name()
    imported = ddb.import_table(S3BucketSource={"S3Bucket": BUCKET, "S3KeyPrefix": "csv-header/"}, InputFormat="CSV",
                                TableCreationParameters=creation(target))["ImportTableDescription"]
    assert wait_import(ddb, imported["ImportArn"])["ImportedItemCount"] == 2
    items = sorted(ddb.scan(TableName=target)["Items"], key=lambda i: i["pk"]["S"])
    assert items == [{"pk": {"S": "k1"}, "colour": {"S": "red"}, "size": {"S": "10"}},
                     {"pk": {"S": "k2"}, "size": {"S": "20"}}]


def test_malformed_records_are_counted_and_logged_beside_the_data(s3):
    server, ddb, s3_dir = s3
    folder = s3_dir / BUCKET / "bad-lines"
    folder.mkdir(parents=True)
    lines = ['{"Item":{"pk":{"S":"ok1"}}}', "not json at all", '{"Item":{"other":{"S":"no key"}}}',
             '{"Item":{"pk":{"S":"ok2"},"n":{"N":"1"}}}', '{"NoItem":{}}', '{"Item":{"pk":{"N":"5"}}}',
             '{"Item":{"pk":{"S":"ok3"}}}']
    (folder / "data.json").write_text("\n".join(lines) + "\n")
    target = new_name()
    imported = ddb.import_table(S3BucketSource={"S3Bucket": BUCKET, "S3KeyPrefix": "bad-lines/"},
                                InputFormat="DYNAMODB_JSON", TableCreationParameters=creation(target))
    description = imported["ImportTableDescription"]
    finished = wait_import(ddb, description["ImportArn"])
    assert finished["ImportStatus"] == "COMPLETED"
    assert (finished["ProcessedItemCount"], finished["ImportedItemCount"], finished["ErrorCount"]) == (7, 3, 4)
    assert finished["CloudWatchLogGroupArn"] == "arn:aws:logs:us-east-1:000000000000:log-group:/aws-dynamodb/imports:*"
    import_id = description["ImportArn"].rsplit("/", 1)[1]
    log = s3_dir / BUCKET / "AWSDynamoDBImportErrors" / import_id / "errors.log"
    errors = [json.loads(line) for line in log.read_text().splitlines()]
    assert [e["itemS3Pointer"] for e in errors] == [
        {"bucket": BUCKET, "key": "bad-lines/data.json", "itemIndex": i} for i in (1, 2, 4, 5)]
    assert all(e["importArn"] == description["ImportArn"] and len(e["errorMessages"]) == 1 for e in errors)
    assert sorted(i["pk"]["S"] for i in ddb.scan(TableName=target)["Items"]) == ["ok1", "ok2", "ok3"]


def test_wrong_compression_is_one_error_for_the_file(s3):
    server, ddb, s3_dir = s3
    folder = s3_dir / BUCKET / "not-gzip"
    folder.mkdir(parents=True)
    (folder / "data.json.gz").write_text('{"Item":{"pk":{"S":"a"}}}\n')
    target = new_name()
    arn = ddb.import_table(S3BucketSource={"S3Bucket": BUCKET, "S3KeyPrefix": "not-gzip/"}, InputFormat="DYNAMODB_JSON",
                           InputCompressionType="GZIP",
                           TableCreationParameters=creation(target))["ImportTableDescription"]["ImportArn"]
    finished = wait_import(ddb, arn)
    assert (finished["ImportStatus"], finished["ImportedItemCount"], finished["ErrorCount"]) == ("COMPLETED", 0, 1)


def test_export_and_import_errors(s3):
    server, ddb, s3_dir = s3
    name, arn = make_source(ddb, [{"pk": {"S": "a"}}])
    missing = arn.rsplit("/", 1)[0] + "/nope"
    assert error_of(lambda: ddb.export_table_to_point_in_time(TableArn=missing, S3Bucket=BUCKET)) == \
        ("TableNotFoundException", f"Table not found: {missing}")
    code, message = error_of(lambda: ddb.export_table_to_point_in_time(
        TableArn=arn, S3Bucket=BUCKET, ExportTime=time.time() - 3600))
    assert (code, message) == ("InvalidExportTimeException", "Export Time is invalid")  # before PITR began
    assert error_of(lambda: ddb.export_table_to_point_in_time(
        TableArn=arn, S3Bucket=BUCKET, ExportTime=time.time() + 3600))[0] == "InvalidExportTimeException"
    assert error_of(lambda: ddb.export_table_to_point_in_time(TableArn=arn, S3Bucket="bad/bucket"))[0] == \
        "ValidationException"
    assert error_of(lambda: ddb.export_table_to_point_in_time(TableArn=arn, S3Bucket=BUCKET, S3Prefix="../up"))[0] == \
        "ValidationException"
    code, message = error_of(lambda: ddb.export_table_to_point_in_time(TableArn=arn, S3Bucket=BUCKET,
                                                                        ExportFormat="CSV"))
    assert code == "ValidationException" and "exportFormat" in message
    assert error_of(lambda: ddb.describe_export(ExportArn=arn + "/export/01234567890123-abcdef01"))[0] == \
        "ExportNotFoundException"
    assert error_of(lambda: ddb.describe_import(ImportArn=arn + "/import/01234567890123-abcdef01"))[0] == \
        "ImportNotFoundException"
    assert error_of(lambda: ddb.import_table(S3BucketSource={"S3Bucket": BUCKET}, InputFormat="DYNAMODB_JSON",
                                             TableCreationParameters=creation(name)))[0] == "ResourceInUseException"
    code, message = error_of(lambda: ddb.import_table(
        S3BucketSource={"S3Bucket": BUCKET}, InputFormat="CSV",
        InputFormatOptions={"Csv": {"Delimiter": "x"}}, TableCreationParameters=creation(new_name())))
    assert code == "ValidationException" and "delimiter" in message


def test_client_token_makes_an_export_idempotent(s3):
    server, ddb, s3_dir = s3
    name, arn = make_source(ddb, [{"pk": {"S": "a"}}])
    token = uuid.uuid4().hex
    first = ddb.export_table_to_point_in_time(TableArn=arn, S3Bucket=BUCKET, ClientToken=token)["ExportDescription"]
    again = ddb.export_table_to_point_in_time(TableArn=arn, S3Bucket=BUCKET, ClientToken=token)["ExportDescription"]
    assert again["ExportArn"] == first["ExportArn"] and again["ClientToken"] == token
    assert error_of(lambda: ddb.export_table_to_point_in_time(
        TableArn=arn, S3Bucket=BUCKET, ClientToken=token, ExportFormat="ION"))[0] == "ExportConflictException"
    wait_export(ddb, first["ExportArn"])


def test_list_exports_and_imports_filter_and_page(s3):
    server, ddb, s3_dir = s3
    name, arn = make_source(ddb, [{"pk": {"S": "a"}}])
    arns = [export(ddb, arn, S3Prefix="listed")["ExportArn"] for _ in range(3)]
    first = ddb.list_exports(TableArn=arn, MaxResults=2)
    assert [s["ExportArn"] for s in first["ExportSummaries"]] == arns[:2]
    assert first["ExportSummaries"][0] == {"ExportArn": arns[0], "ExportStatus": "COMPLETED"}
    # Debian's botocore predates ExportType; the wire has it.
    wire = raw_request(server.endpoint, "ListExports", {"TableArn": arn, "MaxResults": 1})
    assert wire.json["ExportSummaries"] == [{"ExportArn": arns[0], "ExportStatus": "COMPLETED",
                                            "ExportType": "FULL_EXPORT"}]
    rest = ddb.list_exports(TableArn=arn, MaxResults=2, NextToken=first["NextToken"])
    assert [s["ExportArn"] for s in rest["ExportSummaries"]] == arns[2:] and "NextToken" not in rest
    assert error_of(lambda: ddb.list_exports(MaxResults=26))[0] == "ValidationException"

    folder = s3_dir / BUCKET / "listed-imports"
    folder.mkdir(parents=True)
    (folder / "d.json").write_text('{"Item":{"pk":{"S":"a"}}}\n')
    imports = []
    for _ in range(2):
        target = new_name()
        imports.append(ddb.import_table(S3BucketSource={"S3Bucket": BUCKET, "S3KeyPrefix": "listed-imports/"},
                                        InputFormat="DYNAMODB_JSON",
                                        TableCreationParameters=creation(target))["ImportTableDescription"])
        wait_import(ddb, imports[-1]["ImportArn"])
    table_arn = imports[1]["TableArn"]
    only = ddb.list_imports(TableArn=table_arn)["ImportSummaryList"]
    assert [s["ImportArn"] for s in only] == [imports[1]["ImportArn"]]
    assert set(only[0]) == {"ImportArn", "ImportStatus", "TableArn", "S3BucketSource", "CloudWatchLogGroupArn",
                            "InputFormat", "StartTime", "EndTime"}
    every = []
    page = ddb.list_imports(PageSize=1)
    every += page["ImportSummaryList"]
    while "NextToken" in page:
        assert re.fullmatch(r"([0-9a-f]{16})+", page["NextToken"]) and len(page["NextToken"]) >= 112
        page = ddb.list_imports(PageSize=1, NextToken=page["NextToken"])
        every += page["ImportSummaryList"]
    assert [i["ImportArn"] for i in imports] == [s["ImportArn"] for s in every][-2:]


def test_records_survive_a_restart(tmp_path):
    factory = EddyFactory(tmp_path)
    try:
        s3_dir = tmp_path / "s3"
        data = tmp_path / "data"
        server = factory(["--s3-dir", str(s3_dir)], data_dir=data)
        ddb = make_client(server.endpoint)
        name, arn = make_source(ddb, [{"pk": {"S": "a"}}])
        done = export(ddb, arn)
        server.stop()
        server = factory(["--s3-dir", str(s3_dir)], data_dir=data)
        ddb = make_client(server.endpoint)
        again = ddb.describe_export(ExportArn=done["ExportArn"])["ExportDescription"]
        assert again == done
        assert [s["ExportArn"] for s in ddb.list_exports()["ExportSummaries"]] == [done["ExportArn"]]
        server.stop()
    finally:
        factory.cleanup()


def test_an_export_of_a_table_without_point_in_time_recovery_is_refused(s3):
    _, ddb, _ = s3
    name = new_name()
    ddb.create_table(**creation(name))
    arn = ddb.describe_table(TableName=name)["Table"]["TableArn"]
    assert error_of(lambda: ddb.export_table_to_point_in_time(TableArn=arn, S3Bucket=BUCKET)) == (
        "PointInTimeRecoveryUnavailableException", f"Point in time recovery is not enabled for table '{name}'")
    assert ddb.list_exports(TableArn=arn)["ExportSummaries"] == []
