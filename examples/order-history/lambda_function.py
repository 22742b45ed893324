"""An AWS Lambda handler (the one you deploy): it appends every change of an order to the
OrderHistory table, with the order's partition key and the change time as its sort key.
Runs unchanged in an AWS Lambda Python base image (behind the Runtime Interface Emulator) or
through local_invoke.py."""
import os

import boto3

HISTORY_TABLE = os.environ.get("HISTORY_TABLE", "OrderHistory")
dynamodb = boto3.client("dynamodb", endpoint_url=os.environ.get("DYNAMODB_ENDPOINT"))


def handler(event, context):
    for record in event["Records"]:
        change = record["dynamodb"]
        image = change.get("NewImage") or change.get("OldImage") or change["Keys"]
        item = dict(image)
        item["pk"] = change["Keys"]["pk"]
        # Change time with the sequence number, so two changes in one second stay two items.
        item["changedAt"] = {"S": f"{change['ApproximateCreationDateTime']:.3f}#{change['SequenceNumber']}"}
        item["eventName"] = {"S": record["eventName"]}
        dynamodb.put_item(TableName=HISTORY_TABLE, Item=item)
    return {"batchItemFailures": []}
