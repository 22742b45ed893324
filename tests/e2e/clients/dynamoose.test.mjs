// dynamoose (a Mongoose-style modelling library on the AWS SDK v3): the model's schema declares the
// key and the global secondary index, and dynamoose creates the table, with its stream, itself and
// waits for it to become ACTIVE. dynamoose has no stream API; the stream is read with the SDK.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import dynamoose from "dynamoose";
import { DynamoDB, DescribeTableCommand, DeleteTableCommand } from "@aws-sdk/client-dynamodb";
import { startServer, clientConfig, uniqueName, errorOf } from "./support/eddy.mjs";
import { readStream, eventsByKey, imagesOf } from "./support/stream.mjs";
import * as shop from "./support/orders.mjs";

let server, ddb, Order;
const TableName = uniqueName("dynamoose");

before(async () => {
  server = await startServer();
  // dynamoose calls the SDK's aggregated client (ddb.putItem(...)), not send(command).
  ddb = new DynamoDB(clientConfig(server.endpoint));
  dynamoose.aws.ddb.set(ddb);
  Order = dynamoose.model("Order", new dynamoose.Schema({
    customerId: { type: String, hashKey: true },
    orderId: { type: String, rangeKey: true },
    status: { type: String, index: { name: "byStatus", type: "global", rangeKey: "createdAt" } },
    createdAt: String,
    total: Number,
  }), { tableName: TableName });
  const table = new dynamoose.Table(TableName, [Order], {
    throughput: "ON_DEMAND", streamOptions: { enabled: true, type: "NEW_AND_OLD_IMAGES" },
    waitForActive: { enabled: true, check: { timeout: 10_000, frequency: 50 } }, initialize: false,
  });
  await table.initialize();
});

after(async () => {
  await ddb.send(new DeleteTableCommand({ TableName }));
  assert.equal(await server.stop(), 0);
});

const plain = (item) => ({ ...item.toJSON() });
const isPending = () => new dynamoose.Condition("status").eq("PENDING");

test("dynamoose created the table it was given", async () => {
  const { Table } = await ddb.send(new DescribeTableCommand({ TableName }));
  assert.equal(Table.TableStatus, "ACTIVE");
  assert.equal(Table.BillingModeSummary.BillingMode, "PAY_PER_REQUEST");
  assert.deepEqual(Table.KeySchema, [{ AttributeName: "customerId", KeyType: "HASH" },
                                     { AttributeName: "orderId", KeyType: "RANGE" }]);
  assert.deepEqual(Table.GlobalSecondaryIndexes.map((i) => [i.IndexName, i.KeySchema.map((k) => k.AttributeName)]),
                   [["byStatus", ["status", "createdAt"]]]);
  assert.deepEqual(Table.StreamSpecification, { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" });
});

test("Model.create refuses an order that exists", async () => {
  for (const order of shop.orders) await Order.create(order);
  const e = await errorOf(Order.create(shop.orders[0]));
  assert.equal(e.name, "ConditionalCheckFailedException");
  assert.deepEqual(plain(await Order.get({ customerId: "alice", orderId: "o01" })), shop.orders[0]);
});

test("a conditional update succeeds once", async () => {
  const key = { customerId: "alice", orderId: "o01" };
  const updated = await Order.update(key, { status: "CANCELLED" }, { condition: isPending() });
  assert.deepEqual(plain(updated), { ...shop.orders[0], status: "CANCELLED" });
  const e = await errorOf(Order.update(key, { status: "CANCELLED" }, { condition: isPending() }));
  assert.equal(e.name, "ConditionalCheckFailedException");
});

test("dynamoose.transaction commits together, and a cancelled one changes nothing", async () => {
  await dynamoose.transaction([
    Order.transaction.update({ customerId: "alice", orderId: "o03" }, { status: "SHIPPED" }, { condition: isPending() }),
    Order.transaction.create(shop.newOrder),
  ]);
  const e = await errorOf(dynamoose.transaction([
    Order.transaction.update({ customerId: "alice", orderId: "o05" }, { status: "SHIPPED" }),
    Order.transaction.condition({ customerId: "alice", orderId: "o01" }, isPending()),
  ]));
  assert.equal(e.name, "TransactionCanceledException");
  assert.deepEqual(e.CancellationReasons.map((r) => r.Code), ["None", "ConditionalCheckFailed"]);
  assert.equal((await Order.get({ customerId: "alice", orderId: "o05" })).status, "PENDING");
});

async function pagesOf(query) {
  const pages = [];
  let lastKey;
  do {
    const page = await (lastKey ? query().startAt(lastKey) : query()).exec();
    pages.push(page.map((o) => o.orderId));
    lastKey = page.lastKey;
  } while (lastKey);
  return pages;
}

test("queries page through the table and the index", async () => {
  assert.deepEqual(await pagesOf(() => Order.query("customerId").eq("alice").limit(3)),
                   [["o01", "o02", "o03"], ["o04", "o05", "o06"], ["o07"]]);
  const shipped = await pagesOf(() => Order.query("status").eq("SHIPPED").using("byStatus").limit(2));
  assert.deepEqual(shipped.flat(), shop.shippedOrderIds);
  assert.equal((await Order.query("status").eq("SHIPPED").using("byStatus").count().exec()).count, 4);
});

test("the stream, read with the SDK, holds every change in order", async () => {
  await Order.delete({ customerId: "bob", orderId: "o01" });
  const { Table } = await ddb.send(new DescribeTableCommand({ TableName }));
  const records = await readStream(server.endpoint, Table.LatestStreamArn, shop.expectedRecordCount);
  assert.deepEqual(eventsByKey(records, shop.orderKey), shop.expectedEvents);
  const shipped = records.find((r) => r.eventName === "MODIFY" && r.dynamodb.Keys.orderId.S === "o03");
  assert.deepEqual(imagesOf(shipped), { oldImage: shop.orders[2], newImage: { ...shop.orders[2], status: "SHIPPED" } });
});
