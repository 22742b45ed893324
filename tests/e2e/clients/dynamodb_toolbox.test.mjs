// DynamoDB-Toolbox v2: a Table (key and the byStatus index) and an Entity whose schema the toolbox
// validates, tags (_et) and timestamps (_ct, _md) on every write, on the SDK v3 DocumentClient.
// The toolbox creates no tables and reads no streams: both with the SDK.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { DynamoDBClient, CreateTableCommand, DeleteTableCommand } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Table } from "dynamodb-toolbox/table";
import { Entity } from "dynamodb-toolbox/entity";
import { item } from "dynamodb-toolbox/schema/item";
import { string } from "dynamodb-toolbox/schema/string";
import { number } from "dynamodb-toolbox/schema/number";
import { PutItemCommand } from "dynamodb-toolbox/entity/actions/put";
import { GetItemCommand } from "dynamodb-toolbox/entity/actions/get";
import { UpdateItemCommand } from "dynamodb-toolbox/entity/actions/update";
import { DeleteItemCommand } from "dynamodb-toolbox/entity/actions/delete";
import { PutTransaction } from "dynamodb-toolbox/entity/actions/transactPut";
import { UpdateTransaction } from "dynamodb-toolbox/entity/actions/transactUpdate";
import { ConditionCheck } from "dynamodb-toolbox/entity/actions/transactCheck";
import { execute } from "dynamodb-toolbox/entity/actions/transactWrite";
import { QueryCommand } from "dynamodb-toolbox/table/actions/query";
import { startServer, clientConfig, uniqueName, errorOf } from "./support/eddy.mjs";
import { readStream, eventsByKey, imagesOf } from "./support/stream.mjs";
import * as shop from "./support/orders.mjs";

let server, ddb, OrdersTable, OrderEntity, streamArn;
const TableName = uniqueName("toolbox");

before(async () => {
  server = await startServer();
  ddb = new DynamoDBClient(clientConfig(server.endpoint));
  const created = await ddb.send(new CreateTableCommand(shop.createOrdersTable(TableName)));
  streamArn = created.TableDescription.LatestStreamArn;
  OrdersTable = new Table({
    name: TableName,
    partitionKey: { name: "customerId", type: "string" },
    sortKey: { name: "orderId", type: "string" },
    indexes: {
      byStatus: { type: "global", partitionKey: { name: "status", type: "string" },
                  sortKey: { name: "createdAt", type: "string" } },
    },
    documentClient: DynamoDBDocumentClient.from(ddb),
  });
  OrderEntity = new Entity({
    name: "Order",
    table: OrdersTable,
    schema: item({
      customerId: string().key(),
      orderId: string().key(),
      status: string().enum("PENDING", "SHIPPED", "CANCELLED"),
      createdAt: string(),
      total: number(),
    }),
  });
});

after(async () => {
  await ddb.send(new DeleteTableCommand({ TableName }));
  ddb.destroy();
  assert.equal(await server.stop(), 0);
});

const alice = (orderId) => ({ customerId: "alice", orderId });
const isPending = { attr: "status", eq: "PENDING" };
// The order without the toolbox's timestamps, which change on every write.
const withoutTimestamps = ({ created, modified, ...order }) => order;

test("a conditional put refuses an order that exists", async () => {
  for (const order of shop.orders) {
    await OrderEntity.build(PutItemCommand).item(order).options({ condition: { attr: "orderId", exists: false } }).send();
  }
  const e = await errorOf(OrderEntity.build(PutItemCommand).item(shop.orders[0])
    .options({ condition: { attr: "orderId", exists: false } }).send());
  assert.equal(e.name, "ConditionalCheckFailedException");
  const { Item } = await OrderEntity.build(GetItemCommand).key(alice("o01")).send();
  assert.deepEqual(withoutTimestamps(Item), shop.orders[0]);
  assert.match(Item.created, /^\d{4}-\d\d-\d\dT/);
});

test("a conditional update succeeds once", async () => {
  const update = () => OrderEntity.build(UpdateItemCommand).item({ ...alice("o01"), status: "CANCELLED" })
    .options({ condition: isPending, returnValues: "ALL_NEW" }).send();
  const { Attributes } = await update();
  assert.deepEqual(withoutTimestamps(Attributes), { ...shop.orders[0], status: "CANCELLED" });
  assert.equal((await errorOf(update())).name, "ConditionalCheckFailedException");
});

test("a write transaction commits together, and a cancelled one changes nothing", async () => {
  await execute(
    OrderEntity.build(UpdateTransaction).item({ ...alice("o03"), status: "SHIPPED" }).options({ condition: isPending }),
    OrderEntity.build(PutTransaction).item(shop.newOrder).options({ condition: { attr: "customerId", exists: false } }),
  );
  const e = await errorOf(execute(
    OrderEntity.build(UpdateTransaction).item({ ...alice("o05"), status: "SHIPPED" }),
    OrderEntity.build(ConditionCheck).key(alice("o01")).condition(isPending),
  ));
  assert.equal(e.name, "TransactionCanceledException");
  assert.deepEqual(e.CancellationReasons.map((r) => r.Code), ["None", "ConditionalCheckFailed"]);
  const { Item } = await OrderEntity.build(GetItemCommand).key(alice("o05")).send();
  assert.equal(Item.status, "PENDING");
});

async function pagesOf(query, limit) {
  const pages = [];
  let exclusiveStartKey;
  do {
    const page = await OrdersTable.build(QueryCommand).entities(OrderEntity).query(query)
      .options({ limit, exclusiveStartKey }).send();
    pages.push(page.Items.map((o) => o.orderId));
    exclusiveStartKey = page.LastEvaluatedKey;
  } while (exclusiveStartKey);
  return pages;
}

test("queries page through the table and the index", async () => {
  assert.deepEqual(await pagesOf({ partition: "alice" }, 3), [["o01", "o02", "o03"], ["o04", "o05", "o06"], ["o07"]]);
  const shipped = await pagesOf({ index: "byStatus", partition: "SHIPPED" }, 2);
  assert.deepEqual(shipped.flat(), shop.shippedOrderIds);
  const recent = await OrdersTable.build(QueryCommand).entities(OrderEntity)
    .query({ partition: "alice", range: { gte: "o05" } }).options({ reverse: true, maxPages: Infinity }).send();
  assert.deepEqual(recent.Items.map((o) => o.orderId), ["o07", "o06", "o05"]);
});

test("the stream, read with the SDK, holds every change in order", async () => {
  await OrderEntity.build(DeleteItemCommand).key({ customerId: "bob", orderId: "o01" }).send();
  const records = await readStream(server.endpoint, streamArn, shop.expectedRecordCount);
  assert.deepEqual(eventsByKey(records, shop.orderKey), shop.expectedEvents);
  const { oldImage, newImage } = imagesOf(records.find((r) => r.eventName === "MODIFY" && r.dynamodb.Keys.orderId.S === "o03"));
  assert.equal(oldImage._et, "Order");
  assert.deepEqual([oldImage.status, newImage.status], ["PENDING", "SHIPPED"]);
  assert.equal(oldImage._ct, newImage._ct);
});
