// ElectroDB (single-table design): the entity's composite keys live in generic pk/sk attributes and
// the status index in gsi1pk/gsi1sk, written through the SDK v3 DocumentClient; the cancelled
// transaction is also run through the SDK v2 DocumentClient, whose cancellation reasons ElectroDB
// reads from the raw HTTP body. ElectroDB creates no tables and reads no streams: both with the SDK.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Entity, Service } from "electrodb";
import { DynamoDBClient, CreateTableCommand, DeleteTableCommand } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { startServer, clientConfig, region, credentials, uniqueName, errorOf } from "./support/eddy.mjs";
import { readStream, eventsByKey, imagesOf } from "./support/stream.mjs";
import * as shop from "./support/orders.mjs";

process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = "1";
const { default: AWS } = await import("aws-sdk");

let server, ddb, Order, orders, ordersV2, streamArn;
const table = uniqueName("electrodb");

const schema = {
  model: { entity: "order", version: "1", service: "shop" },
  attributes: {
    customerId: { type: "string", required: true },
    orderId: { type: "string", required: true },
    status: { type: ["PENDING", "SHIPPED", "CANCELLED"], required: true },
    createdAt: { type: "string", required: true },
    total: { type: "number" },
  },
  indexes: {
    byCustomer: { pk: { field: "pk", composite: ["customerId"] }, sk: { field: "sk", composite: ["orderId"] } },
    byStatus: { index: "gsi1", pk: { field: "gsi1pk", composite: ["status"] },
                sk: { field: "gsi1sk", composite: ["createdAt"] } },
  },
};

before(async () => {
  server = await startServer();
  ddb = new DynamoDBClient(clientConfig(server.endpoint));
  const attribute = (AttributeName) => ({ AttributeName, AttributeType: "S" });
  const created = await ddb.send(new CreateTableCommand({
    TableName: table, BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: ["pk", "sk", "gsi1pk", "gsi1sk"].map(attribute),
    KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }],
    GlobalSecondaryIndexes: [{
      IndexName: "gsi1", Projection: { ProjectionType: "ALL" },
      KeySchema: [{ AttributeName: "gsi1pk", KeyType: "HASH" }, { AttributeName: "gsi1sk", KeyType: "RANGE" }],
    }],
    StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
  }));
  streamArn = created.TableDescription.LatestStreamArn;
  Order = new Entity(schema, { table, client: DynamoDBDocumentClient.from(ddb) });
  orders = new Service({ order: Order });
  const v2 = new AWS.DynamoDB.DocumentClient({ endpoint: server.endpoint, region, credentials, maxRetries: 0 });
  ordersV2 = new Service({ order: new Entity(schema, { table, client: v2 }) });
});

after(async () => {
  await ddb.send(new DeleteTableCommand({ TableName: table }));
  ddb.destroy();
  assert.equal(await server.stop(), 0);
});

const alice = (orderId) => ({ customerId: "alice", orderId });
const isPending = ({ status }, { eq }) => eq(status, "PENDING");

test("Entity.create refuses an order that exists", async () => {
  for (const order of shop.orders) await Order.create(order).go();
  const e = await errorOf(Order.create(shop.orders[0]).go({ originalErr: true }));
  assert.equal(e.name, "ConditionalCheckFailedException");
  assert.equal(e.message, "The conditional request failed");
  assert.deepEqual((await Order.get(alice("o01")).go()).data, shop.orders[0]);
});

test("a conditional patch succeeds once", async () => {
  const { data } = await Order.patch(alice("o01")).set({ status: "CANCELLED" }).where(isPending)
    .go({ response: "all_new" });
  assert.deepEqual(data, { ...shop.orders[0], status: "CANCELLED" });
  const e = await errorOf(Order.patch(alice("o01")).set({ status: "CANCELLED" }).where(isPending).go());
  assert.match(e.message, /The conditional request failed/);
});

test("Service.transaction.write commits together, and a cancelled one changes nothing", async () => {
  const shipped = await orders.transaction.write(({ order }) => [
    order.patch(alice("o03")).set({ status: "SHIPPED" }).where(isPending).commit(),
    order.create(shop.newOrder).commit(),
  ]).go();
  assert.equal(shipped.canceled, false);
  for (const service of [orders, ordersV2]) {
    const refused = await service.transaction.write(({ order }) => [
      order.patch(alice("o05")).set({ status: "SHIPPED" }).commit(),
      order.check(alice("o01")).where(isPending).commit(),
    ]).go();
    assert.equal(refused.canceled, true);
    assert.deepEqual(refused.data.map((r) => [r.rejected, r.code]), [[false, "None"], [true, "ConditionalCheckFailed"]]);
  }
  assert.equal((await Order.get(alice("o05")).go()).data.status, "PENDING");
});

async function pagesOf(query, limit) {
  const pages = [];
  let cursor = null;
  do {
    const page = await query().go({ limit, cursor });
    pages.push(page.data.map((o) => o.orderId));
    cursor = page.cursor;
  } while (cursor);
  return pages;
}

test("queries page through the table and the index with cursors", async () => {
  assert.deepEqual(await pagesOf(() => Order.query.byCustomer({ customerId: "alice" }), 3),
                   [["o01", "o02", "o03"], ["o04", "o05", "o06"], ["o07"]]);
  const shipped = await pagesOf(() => Order.query.byStatus({ status: "SHIPPED" }), 2);
  assert.deepEqual(shipped.flat(), shop.shippedOrderIds);
  const { data } = await Order.query.byCustomer({ customerId: "alice" }).where(({ total }, { gt }) => gt(total, 50))
    .go({ pages: "all" });
  assert.deepEqual(data.map((o) => o.orderId), ["o06", "o07"]);
});

test("the stream, read with the SDK, holds every change in order", async () => {
  await Order.delete({ customerId: "bob", orderId: "o01" }).go();
  const records = await readStream(server.endpoint, streamArn, shop.expectedRecordCount);
  const keyOf = ({ pk, sk }) => `${pk.split("customerid_")[1]}/${sk.split("orderid_")[1]}`;
  assert.deepEqual(eventsByKey(records, keyOf), shop.expectedEvents);
  const { oldImage, newImage } = imagesOf(records.find((r) => r.eventName === "MODIFY" && keyOf({
    pk: r.dynamodb.Keys.pk.S, sk: r.dynamodb.Keys.sk.S }) === "alice/o03"));
  assert.equal(oldImage.gsi1pk, "$shop#status_pending");
  assert.equal(newImage.gsi1pk, "$shop#status_shipped");
  assert.equal(newImage.status, "SHIPPED");
});
