"""`eddy export` and `eddy import` against a running eddy, the import of a folder laid out as a real
AWS export downloaded from S3, and the AWS CLI's export-table-to-point-in-time and import-table."""
import base64
import gzip
import hashlib
import json
import subprocess
import uuid

import pytest

from conftest import EddyFactory, eddy_bin, make_client
from export_import_support import data_lines, every_type_items, scan_all, wait_export, wait_import

pytestmark = pytest.mark.eddy_only


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("export_import_cli")
    factory = EddyFactory(workdir)
    s3_dir = workdir / "s3"
    s3_dir.mkdir()
    server = factory(["--s3-dir", str(s3_dir)])
    yield server, make_client(server.endpoint), s3_dir
    server.stop()
    factory.cleanup()


def table(ddb, items=()):
    name = f"t_{uuid.uuid4().hex[:10]}"
    ddb.create_table(TableName=name, BillingMode="PAY_PER_REQUEST",
                     AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                     KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}])
    ddb.update_continuous_backups(TableName=name,  # AWS exports only tables with PITR on
                                  PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    for item in items:
        ddb.put_item(TableName=name, Item=item)
    return name


def cli(*args):
    return subprocess.run([eddy_bin(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=60)


@pytest.mark.parametrize("fmt", ["dynamodb-json", "ion"])
def test_cli_export_then_import_round_trip(s3, tmp_path, fmt):
    server, ddb, _ = s3
    source = table(ddb, every_type_items())
    out = tmp_path / "out"
    exported = cli("export", source, str(out), "--endpoint", server.endpoint, "--format", fmt)
    assert exported.returncode == 0, exported.stderr
    (export_dir,) = (out / "AWSDynamoDB").iterdir()
    assert f"{len(every_type_items())} items" in exported.stdout
    entries, lines = data_lines(export_dir)
    assert len(lines) == len(every_type_items())
    summary = json.loads((export_dir / "manifest-summary.json").read_text())
    assert summary["outputFormat"] == ("ION" if fmt == "ion" else "DYNAMODB_JSON")
    assert summary["tableArn"].endswith(f":table/{source}") and summary["itemCount"] == len(lines)

    target = table(ddb)
    imported = cli("import", str(out), "--table", target, "--endpoint", server.endpoint)
    assert imported.returncode == 0, imported.stderr
    assert f"{len(every_type_items())} items imported, 0 records refused" in imported.stdout
    assert scan_all(ddb, target) == scan_all(ddb, source)


def aws_export_folder(root, items):
    """A folder as `aws s3 sync s3://bucket/prefix` leaves a real DynamoDB export: its keys hold the
    prefix, its manifests name the data files by their full S3 keys."""
    export_id = "01693685827463-2d8752fd"
    folder = root / "AWSDynamoDB" / export_id
    (folder / "data").mkdir(parents=True)
    (folder / "_started").write_bytes(b"")
    entries = []
    for i, chunk in enumerate((items[:3], items[3:])):
        data = gzip.compress("".join(json.dumps({"Item": it}) + "\n" for it in chunk).encode())
        name = f"{'abcdefghijklmnopqrstuvwxy'[i]}dl7c3wkxa4xhfgqb3g4sdbwlu.json.gz"
        (folder / "data" / name).write_bytes(data)
        digest = hashlib.md5(data).digest()
        entries.append({"itemCount": len(chunk), "md5Checksum": base64.b64encode(digest).decode(),
                        "etag": digest.hex(), "dataFileS3Key": f"my/prefix/AWSDynamoDB/{export_id}/data/{name}"})
    (folder / "manifest-files.json").write_text("".join(json.dumps(e) + "\n" for e in entries))
    (folder / "manifest-summary.json").write_text(json.dumps({
        "version": "2020-06-30", "exportArn": f"arn:aws:dynamodb:eu-west-1:123456789012:table/Shop/export/{export_id}",
        "startTime": "2023-09-02T20:17:07.463Z", "endTime": "2023-09-02T20:22:42.181Z",
        "tableArn": "arn:aws:dynamodb:eu-west-1:123456789012:table/Shop", "tableId": "b9b0a7c2-4d62-4fd6-8a2a-7d59",
        "exportTime": "2023-09-02T20:17:07.463Z", "s3Bucket": "shop-exports", "s3Prefix": "my/prefix",
        "s3SseAlgorithm": "AES256", "s3SseKmsKeyId": None,
        "manifestFilesS3Key": f"my/prefix/AWSDynamoDB/{export_id}/manifest-files.json", "billedSizeBytes": 512,
        "itemCount": len(items), "outputFormat": "DYNAMODB_JSON", "exportType": "FULL_EXPORT"}))
    (folder / "manifest-summary.checksum").write_text("0" * 32)
    (folder / "manifest-files.checksum").write_text("0" * 32)
    return folder


AWS_ITEMS = [{"pk": {"S": f"order{i}"}, "total": {"N": str(10 * i)}, "lines": {"L": [{"M": {"sku": {"S": "x"}}}]}}
             for i in range(5)]


def test_cli_imports_a_real_aws_export_folder_unchanged(s3, tmp_path):
    server, ddb, _ = s3
    aws_export_folder(tmp_path / "download", AWS_ITEMS)
    target = table(ddb)
    imported = cli("import", str(tmp_path / "download"), "--table", target, "--endpoint", server.endpoint)
    assert imported.returncode == 0, imported.stderr
    assert scan_all(ddb, target) == sorted(AWS_ITEMS, key=lambda i: i["pk"]["S"])


def test_import_table_reads_a_real_aws_export_folder(s3):
    server, ddb, s3_dir = s3
    aws_export_folder(s3_dir / "shop-exports" / "my" / "prefix", AWS_ITEMS)
    target = f"t_{uuid.uuid4().hex[:10]}"
    started = ddb.import_table(
        S3BucketSource={"S3Bucket": "shop-exports", "S3KeyPrefix": "my/prefix/AWSDynamoDB/"},
        InputFormat="DYNAMODB_JSON", InputCompressionType="GZIP",
        TableCreationParameters={"TableName": target, "BillingMode": "PAY_PER_REQUEST",
                                 "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                                 "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]})
    finished = wait_import(ddb, started["ImportTableDescription"]["ImportArn"])
    assert (finished["ImportStatus"], finished["ImportedItemCount"], finished["ErrorCount"]) == ("COMPLETED", 5, 0)
    assert scan_all(ddb, target) == sorted(AWS_ITEMS, key=lambda i: i["pk"]["S"])


def test_cli_refuses_bad_arguments(s3, tmp_path):
    assert cli("export", "only-table").returncode == 2
    assert cli("import", str(tmp_path)).returncode == 2
    assert cli("export", "t", str(tmp_path), "--format", "csv").returncode == 2
    server, ddb, _ = s3
    missing = cli("export", "no_such_table", str(tmp_path / "x"), "--endpoint", server.endpoint)
    assert missing.returncode == 1 and "Table: no_such_table not found" in missing.stderr


def aws(env, endpoint, *args):
    result = subprocess.run(["aws", "dynamodb", *args, "--endpoint-url", endpoint, "--output", "json"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode == 0, f"aws dynamodb {args[0]} failed: {result.stderr}"
    return json.loads(result.stdout) if result.stdout.strip() else {}


def test_aws_cli_export_and_import(s3, aws_cli_env):
    server, ddb, s3_dir = s3
    source = table(ddb, AWS_ITEMS)
    arn = ddb.describe_table(TableName=source)["Table"]["TableArn"]
    started = aws(aws_cli_env, server.endpoint, "export-table-to-point-in-time", "--table-arn", arn,
                  "--s3-bucket", "cli-bucket", "--s3-prefix", "cli", "--export-format", "DYNAMODB_JSON")
    done = wait_export(ddb, started["ExportDescription"]["ExportArn"])
    described = aws(aws_cli_env, server.endpoint, "describe-export", "--export-arn", done["ExportArn"])
    assert described["ExportDescription"]["ExportStatus"] == "COMPLETED"
    assert described["ExportDescription"]["ItemCount"] == len(AWS_ITEMS)
    listed = aws(aws_cli_env, server.endpoint, "list-exports", "--table-arn", arn)
    assert [s["ExportArn"] for s in listed["ExportSummaries"]] == [done["ExportArn"]]
    target = f"t_{uuid.uuid4().hex[:10]}"
    prefix = done["ExportManifest"].rsplit("/", 1)[0] + "/data/"
    imported = aws(aws_cli_env, server.endpoint, "import-table",
                   "--s3-bucket-source", f"S3Bucket=cli-bucket,S3KeyPrefix={prefix}",
                   "--input-format", "DYNAMODB_JSON", "--input-compression-type", "GZIP",
                   "--table-creation-parameters",
                   json.dumps({"TableName": target, "BillingMode": "PAY_PER_REQUEST",
                               "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                               "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}))
    finished = wait_import(ddb, imported["ImportTableDescription"]["ImportArn"])
    assert finished["ImportedItemCount"] == len(AWS_ITEMS)
    described = aws(aws_cli_env, server.endpoint, "describe-import", "--import-arn", finished["ImportArn"])
    assert described["ImportTableDescription"]["ImportStatus"] == "COMPLETED"
    assert scan_all(ddb, target) == scan_all(ddb, source)
