"""Lambda's Invoke API for lambda_function.handler, without Docker: what the Runtime Interface
Emulator serves at POST /2015-03-31/functions/function/invocations. A handler that raises answers
with X-Amz-Function-Error: Unhandled, as Lambda does. Standard library and boto3 only."""
import http.server
import json
import sys
import traceback

import lambda_function


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        event = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        headers = {}
        try:
            result = lambda_function.handler(event, None)
        except Exception as e:  # the function failed: Lambda's error shape
            traceback.print_exc()
            result = {"errorMessage": str(e), "errorType": type(e).__name__}
            headers["X-Amz-Function-Error"] = "Unhandled"
        body = json.dumps(result).encode()
        self.send_response(200)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    http.server.HTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 9001), Handler).serve_forever()
