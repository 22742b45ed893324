// Triggers with the AWS SDK for JavaScript v3 (node --test): @aws-sdk/client-lambda manages event
// source mappings on eddy's port unchanged, and a Node HTTP server standing in for Lambda's Invoke
// API (--lambda-endpoint) receives Lambda's events. Starts its own eddy (EDDY_BIN, default
// <repo>/build/eddy), in memory on a free port.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DynamoDBClient, CreateTableCommand, PutItemCommand, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import {
  LambdaClient, CreateEventSourceMappingCommand, GetEventSourceMappingCommand, ListEventSourceMappingsCommand,
  UpdateEventSourceMappingCommand, DeleteEventSourceMappingCommand, ResourceNotFoundException,
} from "@aws-sdk/client-lambda";

const here = path.dirname(fileURLToPath(import.meta.url));
const eddyBin = process.env.EDDY_BIN || path.join(here, "..", "..", "..", "build", "eddy");
const config = (endpoint) => ({
  endpoint, region: "us-east-1", maxAttempts: 1,
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

// Polls `condition` every 20 ms until it holds, for at most `ms` (real time).
async function eventually(condition, what, ms = 15000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

let proc, functionHost, ddb, lambda;
const invocations = [];

before(async () => {
  functionHost = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => { body += chunk; });
    req.on("end", () => {
      invocations.push({ url: req.url, headers: req.headers, event: JSON.parse(body) });
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end("null");
    });
  });
  await new Promise((resolve) => functionHost.listen(0, "127.0.0.1", resolve));
  const port = await freePort();
  proc = spawn(eddyBin, ["--port", String(port), "--in-memory",
                         "--lambda-endpoint", `http://127.0.0.1:${functionHost.address().port}`], { stdio: "ignore" });
  const endpoint = `http://127.0.0.1:${port}`;
  ddb = new DynamoDBClient(config(endpoint));
  lambda = new LambdaClient(config(endpoint));
  await eventually(async () => { try { await ddb.send(new ListTablesCommand({})); return true; } catch { return false; } },
                   "eddy to start", 10000);
});

after(() => {
  proc?.kill("SIGTERM");
  functionHost?.close();
});

test("client-lambda creates, reads, updates and deletes a mapping that delivers Lambda's events", async () => {
  const name = `js_${Math.random().toString(16).slice(2, 10)}`;
  const table = await ddb.send(new CreateTableCommand({
    TableName: name, BillingMode: "PAY_PER_REQUEST",
    KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
    AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
    StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_IMAGE" },
  }));
  const arn = table.TableDescription.LatestStreamArn;
  const created = await lambda.send(new CreateEventSourceMappingCommand({
    FunctionName: "js-orders", EventSourceArn: arn, StartingPosition: "LATEST", BatchSize: 10,
  }));
  assert.equal(created.$metadata.httpStatusCode, 202);
  assert.equal(created.State, "Creating");
  assert.equal(created.FunctionArn, "arn:aws:lambda:us-east-1:000000000000:function:js-orders");
  assert.ok(created.LastModified instanceof Date);
  await eventually(async () => (await lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID }))).State === "Enabled",
                   "Enabled");

  await ddb.send(new PutItemCommand({ TableName: name, Item: { pk: { S: "js-1" }, total: { N: "12.5" } } }));
  const invocation = await eventually(() => invocations.find((i) => i.url === "/2015-03-31/functions/js-orders/invocations"),
                                      "the invocation");
  assert.equal(invocation.headers["x-amz-invocation-type"], "RequestResponse");
  const [record] = invocation.event.Records;
  assert.equal(record.eventName, "INSERT");
  assert.equal(record.eventSource, "aws:dynamodb");
  assert.equal(record.eventVersion, "1.1");
  assert.equal(record.eventSourceARN, arn);
  assert.deepEqual(record.dynamodb.NewImage, { pk: { S: "js-1" }, total: { N: "12.5" } });

  const listed = await lambda.send(new ListEventSourceMappingsCommand({ EventSourceArn: arn }));
  assert.deepEqual(listed.EventSourceMappings.map((m) => m.UUID), [created.UUID]);
  const updated = await lambda.send(new UpdateEventSourceMappingCommand({ UUID: created.UUID, Enabled: false }));
  assert.equal(updated.BatchSize, 10);
  const deleted = await lambda.send(new DeleteEventSourceMappingCommand({ UUID: created.UUID }));
  assert.equal(deleted.State, "Deleting");
  await assert.rejects(lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID })),
                       (e) => e instanceof ResourceNotFoundException && e.$metadata.httpStatusCode === 404);
});
