// DynamoDB Streams and TTL with the AWS SDK for JavaScript v3 (node --test).
// EDDY_ENDPOINT=http://host:port runs against a running server (DynamoDB Local included, where the
// eddy-only checks are skipped); otherwise the eddy binary (EDDY_BIN, default <repo>/build/eddy) is
// started in memory on a free port, plus a second one with a one-second retention for trimming.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  DynamoDBClient, CreateTableCommand, DeleteTableCommand, PutItemCommand, DeleteItemCommand,
  UpdateTableCommand, UpdateTimeToLiveCommand, DescribeTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import {
  DynamoDBStreamsClient, ListStreamsCommand, DescribeStreamCommand, GetShardIteratorCommand, GetRecordsCommand,
} from "@aws-sdk/client-dynamodb-streams";

const here = path.dirname(fileURLToPath(import.meta.url));
const eddyBin = process.env.EDDY_BIN || path.join(here, "..", "..", "..", "build", "eddy");
const servers = [];
const config = (endpoint) => ({
  endpoint, region: "us-east-1", maxAttempts: 1,
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
});

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function startEddy(extra = []) {
  const port = await freePort();
  const proc = spawn(eddyBin, ["--port", String(port), "--in-memory", ...extra], { stdio: "ignore" });
  servers.push(proc);
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBStreamsClient(config(endpoint));
  for (let i = 0; i < 100; i++) {
    try { await client.send(new ListStreamsCommand({})); return endpoint; } catch { await sleep(50); }
  }
  throw new Error("eddy did not start");
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let ddb, streams, endpoint, onEddy;
const created = [];

before(async () => {
  endpoint = process.env.EDDY_ENDPOINT || await startEddy();
  onEddy = !process.env.EDDY_ENDPOINT || process.env.EDDY_IS_EDDY === "1";
  ddb = new DynamoDBClient(config(endpoint));
  streams = new DynamoDBStreamsClient(config(endpoint));
});

after(async () => {
  for (const name of created) { try { await ddb.send(new DeleteTableCommand({ TableName: name })); } catch {} }
  for (const proc of servers) proc.kill("SIGTERM");
});

async function streamTable(viewType, client = ddb) {
  const name = `js_${Math.random().toString(16).slice(2, 10)}`;
  const out = await client.send(new CreateTableCommand({
    TableName: name, BillingMode: "PAY_PER_REQUEST",
    KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
    AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
    StreamSpecification: { StreamEnabled: true, StreamViewType: viewType },
  }));
  if (client === ddb) created.push(name);
  return { name, arn: out.TableDescription.LatestStreamArn };
}

async function shards(arn, client = streams) {
  let all = [], start;
  do {
    const out = await client.send(new DescribeStreamCommand({ StreamArn: arn, Limit: 1, ExclusiveStartShardId: start }));
    all = all.concat(out.StreamDescription.Shards);
    start = out.StreamDescription.LastEvaluatedShardId;
  } while (start);
  return all;
}

async function readAll(arn, client = streams) {
  let records = [];
  for (const shard of await shards(arn, client)) {
    let it = (await client.send(new GetShardIteratorCommand({
      StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: "TRIM_HORIZON" }))).ShardIterator;
    while (it) {
      const page = await client.send(new GetRecordsCommand({ ShardIterator: it }));
      records = records.concat(page.Records);
      it = page.Records.length ? page.NextShardIterator : undefined;
    }
  }
  return records;
}

async function errorOf(promise) {
  try { await promise; } catch (e) { return e; }
  assert.fail("expected an error");
}

for (const viewType of ["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"]) {
  test(`records of every event type with ${viewType}`, async () => {
    const { name, arn } = await streamTable(viewType);
    const key = { pk: { S: "a" } };
    await ddb.send(new PutItemCommand({ TableName: name, Item: { ...key, v: { N: "1" } } }));
    await ddb.send(new PutItemCommand({ TableName: name, Item: { ...key, v: { N: "2" } } }));
    await ddb.send(new PutItemCommand({ TableName: name, Item: { ...key, v: { N: "2" } } }));
    await ddb.send(new DeleteItemCommand({ TableName: name, Key: key }));
    await ddb.send(new DeleteItemCommand({ TableName: name, Key: key }));
    const records = await readAll(arn);
    assert.deepEqual(records.map((r) => r.eventName), ["INSERT", "MODIFY", "REMOVE"]);
    const wantsNew = viewType.startsWith("NEW");
    const wantsOld = viewType.includes("OLD");
    for (const r of records) {
      assert.equal(r.eventVersion, "1.1");
      assert.equal(r.eventSource, "aws:dynamodb");
      assert.deepEqual(r.dynamodb.Keys, key);
      assert.equal(r.dynamodb.StreamViewType, viewType);
      assert.match(r.dynamodb.SequenceNumber, /^\d{21,40}$/);
      assert.ok(r.dynamodb.ApproximateCreationDateTime instanceof Date);
      assert.ok(r.dynamodb.SizeBytes > 0);
      assert.equal(r.dynamodb.NewImage !== undefined, wantsNew && r.eventName !== "REMOVE");
      assert.equal(r.dynamodb.OldImage !== undefined, wantsOld && r.eventName !== "INSERT");
    }
    if (wantsNew) assert.deepEqual(records[1].dynamodb.NewImage, { ...key, v: { N: "2" } });
    if (wantsOld) assert.deepEqual(records[2].dynamodb.OldImage, { ...key, v: { N: "2" } });
  });
}

test("ListStreams and DescribeStream", async () => {
  const { name, arn } = await streamTable("KEYS_ONLY");
  const listed = await streams.send(new ListStreamsCommand({ TableName: name }));
  assert.deepEqual(listed.Streams.map((s) => s.StreamArn), [arn]);
  const page = await streams.send(new ListStreamsCommand({ Limit: 1 }));
  assert.equal(page.Streams.length, 1);
  const desc = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription;
  assert.equal(desc.StreamStatus, "ENABLED");
  assert.equal(desc.TableName, name);
  assert.deepEqual(desc.KeySchema, [{ AttributeName: "pk", KeyType: "HASH" }]);
  assert.deepEqual(await shards(arn), desc.Shards);
  if (onEddy) {
    const children = await streams.send(new DescribeStreamCommand({
      StreamArn: arn, ShardFilter: { Type: "CHILD_SHARDS", ShardId: desc.Shards[0].ShardId } }));
    assert.deepEqual(children.StreamDescription.Shards, []);
  }
});

test("the four iterator types", async () => {
  const { name, arn } = await streamTable("NEW_IMAGE");
  for (const v of ["1", "2", "3"]) {
    await ddb.send(new PutItemCommand({ TableName: name, Item: { pk: { S: "k" }, v: { N: v } } }));
  }
  let shardId, records;
  for (const shard of await shards(arn)) {
    const it = (await streams.send(new GetShardIteratorCommand({
      StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: "TRIM_HORIZON" }))).ShardIterator;
    const page = await streams.send(new GetRecordsCommand({ ShardIterator: it }));
    if (page.Records.length) { shardId = shard.ShardId; records = page.Records; }
  }
  const values = (recs) => recs.map((r) => r.dynamodb.NewImage.v.N);
  assert.deepEqual(values(records), ["1", "2", "3"]);
  const read = async (type, seq) => {
    const it = (await streams.send(new GetShardIteratorCommand({
      StreamArn: arn, ShardId: shardId, ShardIteratorType: type, SequenceNumber: seq }))).ShardIterator;
    return streams.send(new GetRecordsCommand({ ShardIterator: it, Limit: 1000 }));
  };
  const seq2 = records[1].dynamodb.SequenceNumber;
  assert.deepEqual(values((await read("AT_SEQUENCE_NUMBER", seq2)).Records), ["2", "3"]);
  assert.deepEqual(values((await read("AFTER_SEQUENCE_NUMBER", seq2)).Records), ["3"]);
  const latest = await read("LATEST");
  assert.deepEqual(latest.Records, []);
  await ddb.send(new PutItemCommand({ TableName: name, Item: { pk: { S: "k" }, v: { N: "4" } } }));
  const next = await streams.send(new GetRecordsCommand({ ShardIterator: latest.NextShardIterator }));
  assert.deepEqual(values(next.Records), ["4"]);
  const trimHorizon = (await streams.send(new GetShardIteratorCommand({
    StreamArn: arn, ShardId: shardId, ShardIteratorType: "TRIM_HORIZON" }))).ShardIterator;
  const limited = await streams.send(new GetRecordsCommand({ ShardIterator: trimHorizon, Limit: 2 }));
  assert.deepEqual(values(limited.Records), ["1", "2"]);
});

test("errors", async () => {
  const { name, arn } = await streamTable("KEYS_ONLY");
  const shardId = (await shards(arn))[0].ShardId;
  const missing = arn.replace(/stream\/.*$/, "stream/2001-01-01T00:00:00.000");
  let e = await errorOf(streams.send(new DescribeStreamCommand({ StreamArn: missing })));
  assert.equal(e.name, "ResourceNotFoundException");
  e = await errorOf(streams.send(new GetShardIteratorCommand({
    StreamArn: arn, ShardId: "shardId-00000001700000000000-abcdef12", ShardIteratorType: "LATEST" })));
  assert.equal(e.name, "ResourceNotFoundException");
  e = await errorOf(streams.send(new GetShardIteratorCommand({
    StreamArn: arn, ShardId: shardId, ShardIteratorType: "AT_SEQUENCE_NUMBER" })));
  assert.equal(e.name, "ValidationException");
  assert.equal(e.message, "One or more parameter values were invalid: Invalid SequenceNumber");
  e = await errorOf(streams.send(new GetRecordsCommand({ ShardIterator: "not an iterator" })));
  assert.equal(e.name, "ValidationException");
  assert.equal(e.message, "Invalid ShardIterator");
  e = await errorOf(streams.send(new GetRecordsCommand({ ShardIterator: "x", Limit: 1001 })));
  assert.equal(e.name, "ValidationException");
  e = await errorOf(ddb.send(new UpdateTableCommand({
    TableName: name, StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_IMAGE" } })));
  assert.equal(e.name, "ValidationException");
  assert.match(e.message, /^Table already has an enabled stream/);
});

test("a disabled stream ends its shards", async () => {
  const { name, arn } = await streamTable("KEYS_ONLY");
  await ddb.send(new PutItemCommand({ TableName: name, Item: { pk: { S: "a" } } }));
  await ddb.send(new UpdateTableCommand({ TableName: name, StreamSpecification: { StreamEnabled: false } }));
  const desc = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription;
  assert.equal(desc.StreamStatus, "DISABLED");
  for (const shard of desc.Shards) {
    assert.ok(shard.SequenceNumberRange.EndingSequenceNumber);
    let it = (await streams.send(new GetShardIteratorCommand({
      StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: "TRIM_HORIZON" }))).ShardIterator;
    for (let i = 0; it && i < 3; i++) it = (await streams.send(new GetRecordsCommand({ ShardIterator: it }))).NextShardIterator;
    assert.equal(it, undefined);
  }
});

test("trimmed records", { skip: !!process.env.EDDY_ENDPOINT }, async () => {
  const short = await startEddy(["--stream-retention-seconds", "1"]);
  const client = new DynamoDBClient(config(short));
  const streamsClient = new DynamoDBStreamsClient(config(short));
  const { name, arn } = await streamTable("KEYS_ONLY", client);
  await client.send(new PutItemCommand({ TableName: name, Item: { pk: { S: "a" } } }));
  const its = [];
  for (const shard of await shards(arn, streamsClient)) {
    its.push((await streamsClient.send(new GetShardIteratorCommand({
      StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: "TRIM_HORIZON" }))).ShardIterator);
  }
  // The record is trimmed once it is a second old; poll (with a deadline) until it is.
  let errors = [];
  for (const deadline = Date.now() + 10000; Date.now() < deadline; await sleep(50)) {
    errors = [];
    for (const it of its) {
      try { await streamsClient.send(new GetRecordsCommand({ ShardIterator: it })); } catch (e) { errors.push(e.name); }
    }
    if (errors.length > 0) break;
  }
  assert.deepEqual(errors, ["TrimmedDataAccessException"]);
  assert.deepEqual(await readAll(arn, streamsClient), []);
});

test("UpdateTimeToLive and DescribeTimeToLive", async () => {
  const { name } = await streamTable("KEYS_ONLY");
  const spec = { Enabled: true, AttributeName: "expires" };
  const out = await ddb.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: spec }));
  assert.deepEqual(out.TimeToLiveSpecification, spec);
  const desc = await ddb.send(new DescribeTimeToLiveCommand({ TableName: name }));
  assert.deepEqual(desc.TimeToLiveDescription, { TimeToLiveStatus: "ENABLED", AttributeName: "expires" });
  const e = await errorOf(ddb.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: spec })));
  assert.equal(e.name, "ValidationException");
  assert.equal(e.message, "TimeToLive is already enabled");
});
