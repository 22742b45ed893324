// The AWS SDK for JavaScript v3 with @aws-sdk/lib-dynamodb's DynamoDBDocumentClient (plain JavaScript
// values instead of AttributeValues) and its paginators, and the DynamoDB Streams client.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  DynamoDBClient, CreateTableCommand, DeleteTableCommand, ConditionalCheckFailedException,
  TransactionCanceledException,
} from "@aws-sdk/client-dynamodb";
import {
  DynamoDBDocumentClient, PutCommand, UpdateCommand, DeleteCommand, GetCommand, TransactWriteCommand,
  paginateQuery,
} from "@aws-sdk/lib-dynamodb";
import { startServer, clientConfig, uniqueName, errorOf } from "./support/eddy.mjs";
import { readStream, eventsByKey, imagesOf } from "./support/stream.mjs";
import * as shop from "./support/orders.mjs";

let server, ddb, doc, streamArn;
const TableName = uniqueName("sdk_v3");

before(async () => {
  server = await startServer();
  ddb = new DynamoDBClient(clientConfig(server.endpoint));
  doc = DynamoDBDocumentClient.from(ddb);
  const created = await ddb.send(new CreateTableCommand(shop.createOrdersTable(TableName)));
  streamArn = created.TableDescription.LatestStreamArn;
});

after(async () => {
  await ddb.send(new DeleteTableCommand({ TableName }));
  ddb.destroy();
  assert.equal(await server.stop(), 0);
});

const cancel = (orderId) => new UpdateCommand({
  TableName, Key: { customerId: "alice", orderId },
  UpdateExpression: "SET #status = :cancelled",
  ConditionExpression: "#status = :pending",
  ExpressionAttributeNames: { "#status": "status" },
  ExpressionAttributeValues: { ":cancelled": "CANCELLED", ":pending": "PENDING" },
  ReturnValues: "ALL_NEW",
});

test("orders are put, and a conditional create of an existing one fails", async () => {
  for (const Item of shop.orders) await doc.send(new PutCommand({ TableName, Item }));
  const e = await errorOf(doc.send(new PutCommand({
    TableName, Item: { ...shop.orders[0], total: 1 }, ConditionExpression: "attribute_not_exists(orderId)" })));
  assert.ok(e instanceof ConditionalCheckFailedException, e);
  assert.equal(e.message, "The conditional request failed");
  const { Item } = await doc.send(new GetCommand({ TableName, Key: { customerId: "alice", orderId: "o01" } }));
  assert.deepEqual(Item, shop.orders[0]);
});

test("a conditional update succeeds once", async () => {
  const { Attributes } = await doc.send(cancel("o01"));
  assert.deepEqual(Attributes, { ...shop.orders[0], status: "CANCELLED" });
  const e = await errorOf(doc.send(cancel("o01")));
  assert.ok(e instanceof ConditionalCheckFailedException, e);
});

test("a transaction commits together, and a cancelled one changes nothing", async () => {
  await doc.send(new TransactWriteCommand({ TransactItems: [
    { Update: { TableName, Key: { customerId: "alice", orderId: "o03" }, UpdateExpression: "SET #s = :shipped",
                ConditionExpression: "#s = :pending", ExpressionAttributeNames: { "#s": "status" },
                ExpressionAttributeValues: { ":shipped": "SHIPPED", ":pending": "PENDING" } } },
    { Put: { TableName, Item: shop.newOrder, ConditionExpression: "attribute_not_exists(customerId)" } },
  ] }));
  const e = await errorOf(doc.send(new TransactWriteCommand({ TransactItems: [
    { Update: { TableName, Key: { customerId: "alice", orderId: "o05" }, UpdateExpression: "SET #s = :shipped",
                ExpressionAttributeNames: { "#s": "status" }, ExpressionAttributeValues: { ":shipped": "SHIPPED" } } },
    { ConditionCheck: { TableName, Key: { customerId: "alice", orderId: "o01" }, ConditionExpression: "#s = :pending",
                        ExpressionAttributeNames: { "#s": "status" }, ExpressionAttributeValues: { ":pending": "PENDING" } } },
  ] })));
  assert.ok(e instanceof TransactionCanceledException, e);
  assert.deepEqual(e.CancellationReasons.map((r) => r.Code), ["None", "ConditionalCheckFailed"]);
  assert.equal(e.message,
    "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]");
  const { Item } = await doc.send(new GetCommand({ TableName, Key: { customerId: "alice", orderId: "o05" } }));
  assert.equal(Item.status, "PENDING");
});

test("queries page through the table and the index", async () => {
  const pages = [];
  for await (const page of paginateQuery({ client: doc, pageSize: 3 }, {
    TableName, KeyConditionExpression: "customerId = :c", ExpressionAttributeValues: { ":c": "alice" } })) {
    pages.push(page.Items.map((o) => o.orderId));
  }
  assert.deepEqual(pages, [["o01", "o02", "o03"], ["o04", "o05", "o06"], ["o07"]]);
  const shipped = [];
  for await (const page of paginateQuery({ client: doc, pageSize: 2 }, {
    TableName, IndexName: "byStatus", KeyConditionExpression: "#s = :s",
    ExpressionAttributeNames: { "#s": "status" }, ExpressionAttributeValues: { ":s": "SHIPPED" } })) {
    assert.ok(page.Items.length <= 2);
    shipped.push(...page.Items.map((o) => o.orderId));
  }
  assert.deepEqual(shipped, shop.shippedOrderIds);
});

test("the stream holds every change in order", async () => {
  await doc.send(new DeleteCommand({ TableName, Key: { customerId: "bob", orderId: "o01" } }));
  const records = await readStream(server.endpoint, streamArn, shop.expectedRecordCount);
  assert.deepEqual(eventsByKey(records, shop.orderKey), shop.expectedEvents);
  const cancelled = records.find((r) => r.eventName === "MODIFY" && r.dynamodb.Keys.orderId.S === "o01");
  const { oldImage, newImage } = imagesOf(cancelled);
  assert.deepEqual(oldImage, shop.orders[0]);
  assert.deepEqual(newImage, { ...shop.orders[0], status: "CANCELLED" });
});
