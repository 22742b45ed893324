"""An exec: function: reads Lambda's event on stdin and appends each NEW_IMAGE, as plain JSON, to
exports/<table>-<day>.jsonl (the day of the record's ApproximateCreationDateTime). Answers `null`
on stdout. Standard library only."""
import datetime
import json
import os
import sys


def plain(value):
    (kind, v), = value.items()
    if kind == "N":
        return float(v) if any(c in v for c in ".eE") else int(v)
    if kind == "M":
        return {k: plain(x) for k, x in v.items()}
    if kind == "L":
        return [plain(x) for x in v]
    if kind in ("SS", "NS", "BS"):
        return sorted(v)
    if kind == "NULL":
        return None
    return v


event = json.load(sys.stdin)
folder = os.environ.get("EXPORT_DIR", "exports")
os.makedirs(folder, exist_ok=True)
for record in event["Records"]:
    image = record["dynamodb"].get("NewImage")
    if image is None:
        continue
    table = record["eventSourceARN"].split(":table/")[1].split("/")[0]
    day = datetime.datetime.fromtimestamp(record["dynamodb"]["ApproximateCreationDateTime"],
                                          datetime.timezone.utc).strftime("%Y-%m-%d")
    with open(os.path.join(folder, f"{table}-{day}.jsonl"), "a") as out:
        out.write(json.dumps({k: plain(v) for k, v in sorted(image.items())}) + "\n")
print("null")
