// The admin API with the AWS SDK for JavaScript v3 (node --test; docs/test-controls.md): injected
// throttles are retried by the SDK's standard retry strategy and the call succeeds, as against
// DynamoDB. Starts its own eddy (EDDY_BIN, default <repo>/build/eddy) in memory on a free port.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DynamoDBClient, CreateTableCommand, PutItemCommand, GetItemCommand } from "@aws-sdk/client-dynamodb";

const here = path.dirname(fileURLToPath(import.meta.url));
const eddyBin = process.env.EDDY_BIN || path.join(here, "..", "..", "..", "build", "eddy");
let proc, endpoint;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const client = (maxAttempts) => new DynamoDBClient({
  endpoint, region: "us-east-1", maxAttempts,
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
});

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function admin(method, call, body) {
  const answer = await fetch(`${endpoint}/eddy/v1/${call}`, {
    method, headers: { "content-type": "application/json" }, body: body && JSON.stringify(body),
  });
  return { status: answer.status, json: await answer.json() };
}

before(async () => {
  const port = await freePort();
  proc = spawn(eddyBin, ["--port", String(port), "--in-memory", "--clock", "virtual"], { stdio: "ignore" });
  endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try { if ((await admin("GET", "clock")).status === 200) break; } catch { await sleep(50); }
  }
  await client(1).send(new CreateTableCommand({
    TableName: "Orders", BillingMode: "PAY_PER_REQUEST",
    KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
    AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
  }));
});

after(() => { proc.kill("SIGTERM"); });

test("the SDK retries injected throttles and succeeds", async () => {
  const rule = await admin("POST", "faults", {
    operations: ["PutItem"], tables: ["Orders"], error: "ThrottlingException", count: 2,
  });
  assert.equal(rule.status, 200);
  const out = await client(3).send(new PutItemCommand({ TableName: "Orders", Item: { pk: { S: "js" } } }));
  assert.equal(out.$metadata.attempts, 3);
  const got = await client(1).send(new GetItemCommand({ TableName: "Orders", Key: { pk: { S: "js" } }, ConsistentRead: true }));
  assert.deepEqual(got.Item, { pk: { S: "js" } });
  assert.deepEqual((await admin("GET", "faults")).json, { faults: [] });
});

test("a throttle that outlasts the attempts reaches the caller as DynamoDB's error", async () => {
  await admin("POST", "faults", { operations: ["GetItem"], error: "ProvisionedThroughputExceededException", count: 5 });
  const listed = await admin("GET", "faults");
  assert.equal(listed.json.faults.length, 1);
  await assert.rejects(
    client(2).send(new GetItemCommand({ TableName: "Orders", Key: { pk: { S: "js" } } })),
    (e) => {
      assert.equal(e.name, "ProvisionedThroughputExceededException");
      assert.equal(e.$metadata.attempts, 2);
      return true;
    });
  assert.equal((await admin("GET", "faults")).json.faults[0].applied, 2);
  await admin("DELETE", "faults");
});

test("a snapshot restored puts the data back", async () => {
  assert.equal((await admin("POST", "snapshots", { name: "js" })).status, 200);
  await client(1).send(new PutItemCommand({ TableName: "Orders", Item: { pk: { S: "later" } } }));
  assert.equal((await admin("POST", "snapshots/js/restore")).status, 200);
  const got = await client(1).send(new GetItemCommand({ TableName: "Orders", Key: { pk: { S: "later" } } }));
  assert.equal(got.Item, undefined);
});
