"""Creates the Orders and OrderHistory tables and the mapping (through Lambda's API on eddy's port).
Usage: python3 setup.py [ENDPOINT]  (default http://localhost:8000)."""
import sys

import boto3

endpoint = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8000"
common = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="local", aws_secret_access_key="local")
ddb = boto3.client("dynamodb", **common)
orders = ddb.create_table(TableName="Orders", KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                          AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                          BillingMode="PAY_PER_REQUEST",
                          StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})
ddb.create_table(TableName="OrderHistory",
                 KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "changedAt", "KeyType": "RANGE"}],
                 AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                       {"AttributeName": "changedAt", "AttributeType": "S"}],
                 BillingMode="PAY_PER_REQUEST")
mapping = boto3.client("lambda", **common).create_event_source_mapping(
    FunctionName="function", EventSourceArn=orders["TableDescription"]["LatestStreamArn"],
    StartingPosition="TRIM_HORIZON", FunctionResponseTypes=["ReportBatchItemFailures"])
print(mapping["UUID"])
