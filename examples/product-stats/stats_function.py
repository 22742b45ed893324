"""Lambda's Invoke API for one function, `product-stats`: for every new order it adds the units
and revenue to the product's item in ProductStats (derived data kept up to date from orders).
Run it where --lambda-endpoint points. Standard library and boto3 only."""
import http.server
import json
import os
import sys
from decimal import Decimal

import boto3

dynamodb = boto3.client("dynamodb", endpoint_url=os.environ.get("DYNAMODB_ENDPOINT", "http://localhost:8000"),
                        region_name="us-east-1", aws_access_key_id="local", aws_secret_access_key="local")


def handle(event):
    for record in event["Records"]:
        order = record["dynamodb"]["NewImage"]
        units = Decimal(order["quantity"]["N"])
        revenue = units * Decimal(order["price"]["N"])
        dynamodb.update_item(TableName="ProductStats", Key={"product": order["product"]},
                             UpdateExpression="ADD unitsSold :u, revenue :r, orders :one",
                             ExpressionAttributeValues={":u": {"N": str(units)}, ":r": {"N": str(revenue)},
                                                        ":one": {"N": "1"}})


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        if not self.path.startswith("/2015-03-31/functions/product-stats/invocations"):
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        handle(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(200)
        self.send_header("Content-Length", "4")
        self.end_headers()
        self.wfile.write(b"null")

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 9002
    http.server.HTTPServer(("0.0.0.0", port), Handler).serve_forever()
