"""Helpers of the export and import tests: an eddy with --s3-dir, waits on export and import
statuses, the items of every attribute type, and reading an export folder back."""
import base64
import gzip
import hashlib
import json
import pathlib
import time

WAIT_S = 30


def wait_export(ddb, arn):
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        described = ddb.describe_export(ExportArn=arn)["ExportDescription"]
        if described["ExportStatus"] != "IN_PROGRESS":
            return described
        time.sleep(0.05)
    raise AssertionError(f"export {arn} still IN_PROGRESS after {WAIT_S} s")


def wait_import(ddb, arn):
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        described = ddb.describe_import(ImportArn=arn)["ImportTableDescription"]
        if described["ImportStatus"] != "IN_PROGRESS":
            return described
        time.sleep(0.05)
    raise AssertionError(f"import {arn} still IN_PROGRESS after {WAIT_S} s")


def every_type_items():
    """Items holding every attribute type, nested ones and awkward strings and names."""
    return [
        {"pk": {"S": "all"}, "s": {"S": 'quote " backslash \\ newline \n tab \t ünïcode ✓'},
         "n": {"N": "123.45"}, "neg": {"N": "-7"}, "big": {"N": "12345678901234567890123456789012345678"},
         "tiny": {"N": "0.000000000000000000000000000000000001"},
         "b": {"B": b"\x00\x01\xfe\xff"}, "t": {"BOOL": True}, "f": {"BOOL": False}, "z": {"NULL": True},
         "l": {"L": [{"S": "x"}, {"N": "1"}, {"M": {"k": {"S": "v"}}}, {"L": []}]},
         "m": {"M": {"inner": {"M": {"deeper": {"L": [{"BOOL": False}, {"NULL": True}]}}}, "e": {"M": {}}}},
         "ss": {"SS": ["a", "b", "c d"]}, "ns": {"NS": ["1", "2.5", "-3"]}, "bs": {"BS": [b"\x01", b"\x02\x03"]},
         "weird name": {"S": "spaces"}, "with'quote": {"S": "q"}, "123": {"S": "digits"}, "empty": {"S": ""}},
        {"pk": {"S": "plain"}, "n": {"N": "1"}},
    ] + [{"pk": {"S": f"item{i:03d}"}, "i": {"N": str(i)}, "tag": {"SS": [f"t{i}"]}} for i in range(30)]


def normalised(item):
    """An item as boto3 returns it, with sets sorted so that two equal items compare equal."""
    def value(v):
        (kind, inner), = v.items()
        if kind in ("SS", "NS", "BS"):
            return {kind: sorted(inner)}
        if kind == "L":
            return {"L": [value(x) for x in inner]}
        if kind == "M":
            return {"M": {k: value(x) for k, x in inner.items()}}
        return {kind: inner}
    return {k: value(v) for k, v in item.items()}


def scan_all(ddb, table):
    items, start = [], None
    while True:
        kwargs = {"TableName": table, "ConsistentRead": True}
        if start:
            kwargs["ExclusiveStartKey"] = start
        page = ddb.scan(**kwargs)
        items += page["Items"]
        start = page.get("LastEvaluatedKey")
        if not start:
            return sorted((normalised(i) for i in items), key=lambda i: i["pk"]["S"])


def export_folder(s3_dir, bucket, manifest_key):
    """The folder of an export (AWSDynamoDB/<id>) from its ExportManifest key."""
    return pathlib.Path(s3_dir) / bucket / pathlib.PurePosixPath(manifest_key).parent


def data_lines(folder):
    """Every line of every data file named by the export's manifest-files.json, and the entries."""
    entries = [json.loads(line) for line in (folder / "manifest-files.json").read_text().splitlines() if line]
    lines = []
    for entry in entries:
        name = entry["dataFileS3Key"].rsplit("/", 1)[1]
        raw = (folder / "data" / name).read_bytes()
        digest = hashlib.md5(raw).digest()
        assert entry["md5Checksum"] == base64.b64encode(digest).decode()
        assert entry["etag"] == digest.hex()
        text = gzip.decompress(raw).decode()
        file_lines = [line for line in text.split("\n") if line]
        assert len(file_lines) == entry["itemCount"]
        lines += file_lines
    return entries, lines
