// The AWS SDK for JavaScript v2 (`aws-sdk`, in maintenance mode but still in many code bases): the
// low-level AWS.DynamoDB client to create the table, AWS.DynamoDB.DocumentClient for the items, and
// AWS.DynamoDBStreams to read the stream back.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, region, credentials, uniqueName, errorOf } from "./support/eddy.mjs";
import * as shop from "./support/orders.mjs";

process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = "1";
const { default: AWS } = await import("aws-sdk");

let server, ddb, doc, streams, streamArn;
const TableName = uniqueName("sdk_v2");

before(async () => {
  server = await startServer();
  const config = { endpoint: server.endpoint, region, credentials, maxRetries: 0 };
  ddb = new AWS.DynamoDB(config);
  doc = new AWS.DynamoDB.DocumentClient({ service: ddb });
  streams = new AWS.DynamoDBStreams(config);
  const created = await ddb.createTable(shop.createOrdersTable(TableName)).promise();
  streamArn = created.TableDescription.LatestStreamArn;
});

after(async () => {
  await ddb.deleteTable({ TableName }).promise();
  assert.equal(await server.stop(), 0);
});

const statusNames = { "#s": "status" };

test("orders are put, and a conditional create of an existing one fails", async () => {
  for (const Item of shop.orders) await doc.put({ TableName, Item }).promise();
  const e = await errorOf(doc.put({
    TableName, Item: shop.orders[0], ConditionExpression: "attribute_not_exists(orderId)" }).promise());
  assert.equal(e.code, "ConditionalCheckFailedException");
  assert.equal(e.message, "The conditional request failed");
  assert.equal(e.statusCode, 400);
});

test("a conditional update succeeds once", async () => {
  const cancel = () => doc.update({
    TableName, Key: { customerId: "alice", orderId: "o01" }, UpdateExpression: "SET #s = :cancelled",
    ConditionExpression: "#s = :pending", ExpressionAttributeNames: statusNames,
    ExpressionAttributeValues: { ":cancelled": "CANCELLED", ":pending": "PENDING" }, ReturnValues: "UPDATED_OLD",
  }).promise();
  assert.deepEqual((await cancel()).Attributes, { status: "PENDING" });
  assert.equal((await errorOf(cancel())).code, "ConditionalCheckFailedException");
});

test("a transaction commits together, and a cancelled one changes nothing", async () => {
  await doc.transactWrite({ TransactItems: [
    { Update: { TableName, Key: { customerId: "alice", orderId: "o03" }, UpdateExpression: "SET #s = :shipped",
                ConditionExpression: "#s = :pending", ExpressionAttributeNames: statusNames,
                ExpressionAttributeValues: { ":shipped": "SHIPPED", ":pending": "PENDING" } } },
    { Put: { TableName, Item: shop.newOrder, ConditionExpression: "attribute_not_exists(customerId)" } },
  ] }).promise();
  const e = await errorOf(doc.transactWrite({ TransactItems: [
    { Update: { TableName, Key: { customerId: "alice", orderId: "o05" }, UpdateExpression: "SET #s = :shipped",
                ExpressionAttributeNames: statusNames, ExpressionAttributeValues: { ":shipped": "SHIPPED" } } },
    { ConditionCheck: { TableName, Key: { customerId: "alice", orderId: "o01" }, ConditionExpression: "#s = :pending",
                        ExpressionAttributeNames: statusNames, ExpressionAttributeValues: { ":pending": "PENDING" } } },
  ] }).promise());
  assert.equal(e.code, "TransactionCanceledException");
  assert.equal(e.message,
    "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]");
  const { Item } = await doc.get({ TableName, Key: { customerId: "alice", orderId: "o05" } }).promise();
  assert.equal(Item.status, "PENDING");
});

async function queryAll(params) {
  const pages = [];
  let ExclusiveStartKey;
  do {
    const page = await doc.query({ ...params, ExclusiveStartKey }).promise();
    pages.push(page.Items.map((o) => o.orderId));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return pages;
}

test("queries page through the table and the index", async () => {
  assert.deepEqual(await queryAll({
    TableName, Limit: 3, KeyConditionExpression: "customerId = :c", ExpressionAttributeValues: { ":c": "alice" },
  }), [["o01", "o02", "o03"], ["o04", "o05", "o06"], ["o07"]]);
  const shipped = await queryAll({
    TableName, IndexName: "byStatus", Limit: 2, KeyConditionExpression: "#s = :s",
    ExpressionAttributeNames: statusNames, ExpressionAttributeValues: { ":s": "SHIPPED" },
  });
  assert.deepEqual(shipped.flat(), shop.shippedOrderIds);
  assert.deepEqual(shipped.slice(0, 2), [["o02", "o03"], ["o04", "o06"]]);
});

test("AWS.DynamoDBStreams reads every change in order", async () => {
  await doc.delete({ TableName, Key: { customerId: "bob", orderId: "o01" } }).promise();
  const { StreamDescription } = await streams.describeStream({ StreamArn: streamArn }).promise();
  assert.equal(StreamDescription.StreamViewType, "NEW_AND_OLD_IMAGES");
  const records = [];
  for (const shard of StreamDescription.Shards) {
    let { ShardIterator } = await streams.getShardIterator({
      StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: "TRIM_HORIZON" }).promise();
    while (ShardIterator) {
      const page = await streams.getRecords({ ShardIterator }).promise();
      records.push(...page.Records);
      ShardIterator = page.Records.length ? page.NextShardIterator : undefined;
    }
  }
  const events = {};
  for (const r of records) {
    const key = AWS.DynamoDB.Converter.unmarshall(r.dynamodb.Keys);
    (events[shop.orderKey(key)] ??= []).push(r.eventName);
  }
  assert.deepEqual(events, shop.expectedEvents);
  const removed = records.find((r) => r.eventName === "REMOVE");
  assert.deepEqual(AWS.DynamoDB.Converter.unmarshall(removed.dynamodb.OldImage), shop.orders[7]);
  assert.equal(removed.dynamodb.NewImage, undefined);
});
