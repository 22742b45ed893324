"""A webhook that eddy calls with Lambda's DynamoDB events: it prints an order's delivery date
whenever it changes. Standard library only."""
import http.server
import json
import os
import sys


def changes(event):
    for record in event.get("Records", []):
        if record["eventName"] != "MODIFY":
            continue
        old = record["dynamodb"].get("OldImage", {}).get("deliveryDate", {}).get("S")
        new = record["dynamodb"].get("NewImage", {}).get("deliveryDate", {}).get("S")
        if old != new:
            yield record["dynamodb"]["Keys"]["pk"]["S"], old, new


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        event = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        for order, old, new in changes(event):
            print(f"order {order}: delivery date changed from {old} to {new}", flush=True)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port = int(os.environ.get("PORT", sys.argv[1] if len(sys.argv) > 1 else "3000"))
    http.server.HTTPServer(("0.0.0.0", port), Handler).serve_forever()
