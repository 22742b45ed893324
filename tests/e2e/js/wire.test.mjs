// The wire with the AWS SDK for JavaScript v3 (node --test): SigV4 signing for real against an
// eddy started with --credentials (right key, another key, a wrong secret), a request body the SDK
// gzips before it signs it, and DescribeEndpoints. Always starts eddy processes of its own
// (EDDY_BIN, default <repo>/build/eddy).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import {
  DynamoDBClient, CreateTableCommand, PutItemCommand, GetItemCommand, ListTablesCommand, DescribeEndpointsCommand,
} from "@aws-sdk/client-dynamodb";

const here = path.dirname(fileURLToPath(import.meta.url));
const eddyBin = process.env.EDDY_BIN || path.join(here, "..", "..", "..", "build", "eddy");
const KEY = "AKIDJSTEST";
const SECRET = "js/secret+key";
const servers = [];
let endpoint, port;

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

before(async () => {
  port = await freePort();
  const proc = spawn(eddyBin, ["--port", String(port), "--in-memory", "--credentials", `${KEY}:${SECRET}`],
                     { stdio: "ignore" });
  servers.push(proc);
  endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try { if ((await fetch(endpoint + "/")).status === 200) return; } catch { await sleep(50); }
  }
  throw new Error("eddy did not start");
});

after(() => { for (const proc of servers) proc.kill("SIGTERM"); });

const client = (accessKeyId = KEY, secretAccessKey = SECRET) => new DynamoDBClient({
  endpoint, region: "ap-south-1", maxAttempts: 1, credentials: { accessKeyId, secretAccessKey },
});

test("the right key signs every call", async () => {
  const ddb = client();
  await ddb.send(new CreateTableCommand({
    TableName: "js_signed", BillingMode: "PAY_PER_REQUEST",
    KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
    AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
  }));
  await ddb.send(new PutItemCommand({ TableName: "js_signed", Item: { pk: { S: "a" }, v: { S: "signed" } } }));
  const got = await ddb.send(new GetItemCommand({ TableName: "js_signed", Key: { pk: { S: "a" } } }));
  assert.deepEqual(got.Item, { pk: { S: "a" }, v: { S: "signed" } });
});

test("another key is an UnrecognizedClientException", async () => {
  await assert.rejects(client("AKIDSTRANGER").send(new ListTablesCommand({})), (e) => {
    assert.equal(e.name, "UnrecognizedClientException");
    assert.equal(e.message, "The security token included in the request is invalid.");
    assert.equal(e.$metadata.httpStatusCode, 400);
    return true;
  });
});

test("a wrong secret is an InvalidSignatureException", async () => {
  await assert.rejects(client(KEY, "wrong").send(new ListTablesCommand({})), (e) => {
    assert.equal(e.name, "InvalidSignatureException");
    assert.ok(e.message.startsWith("The request signature we calculated does not match the signature you provided."),
              e.message);
    return true;
  });
});

test("a body gzipped before signing", async () => {
  const ddb = client();
  let sent = null;
  // The build step runs before the signing step (finalizeRequest), so the signature covers the bytes sent.
  ddb.middlewareStack.add((next) => async (args) => {
    args.request.body = zlib.gzipSync(Buffer.from(args.request.body));
    args.request.headers["content-encoding"] = "gzip";
    delete args.request.headers["content-length"];
    sent = args.request.body;
    return next(args);
  }, { step: "build", name: "gzipBody" });
  await ddb.send(new PutItemCommand({ TableName: "js_signed", Item: { pk: { S: "z" }, v: { S: "x".repeat(20000) } } }));
  assert.deepEqual([...sent.subarray(0, 2)], [0x1f, 0x8b]);  // what went out was gzip
  assert.ok(sent.length < 1000);
  const got = await client().send(new GetItemCommand({ TableName: "js_signed", Key: { pk: { S: "z" } } }));
  assert.equal(got.Item.v.S.length, 20000);
});

test("DescribeEndpoints names the address the client used", async () => {
  const out = await client().send(new DescribeEndpointsCommand({}));
  assert.deepEqual(out.Endpoints, [{ Address: `127.0.0.1:${port}`, CachePeriodInMinutes: 1440 }]);
});
