"""Creates ProductOrders (with a stream) and ProductStats. Usage: python3 setup.py [ENDPOINT]."""
import sys

import boto3

endpoint = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8000"
ddb = boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="local",
                   aws_secret_access_key="local")
ddb.create_table(TableName="ProductOrders", KeySchema=[{"AttributeName": "orderId", "KeyType": "HASH"}],
                 AttributeDefinitions=[{"AttributeName": "orderId", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST",
                 StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"})
ddb.create_table(TableName="ProductStats", KeySchema=[{"AttributeName": "product", "KeyType": "HASH"}],
                 AttributeDefinitions=[{"AttributeName": "product", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
