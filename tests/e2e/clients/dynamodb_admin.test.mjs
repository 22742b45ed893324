// dynamodb-admin (the popular web GUI for local DynamoDB) in headless Chromium: the table list, a
// scan paged 25 items at a time, a query of the byStatus index through the search form, an item
// edited in the item editor and another deleted, each checked in the page and in screenshots. The
// orders are seeded with the SDK (a batch write and a transaction); the stream is read with the SDK.
// Screenshots go to EDDY_SCREENSHOT_DIR (default: a new temporary folder), which the test prints.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { createServer } from "dynamodb-admin";
import { DynamoDBClient, CreateTableCommand, DeleteTableCommand } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, BatchWriteCommand, TransactWriteCommand, GetCommand } from "@aws-sdk/lib-dynamodb";
import { startServer, clientConfig, uniqueName } from "./support/eddy.mjs";
import { readStream, eventsByKey } from "./support/stream.mjs";
import { checkScreenshot } from "./support/screenshot.mjs";
import * as shop from "./support/orders.mjs";

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const PAGE_TIMEOUT_MS = 15_000;
// carol's 30 orders make the scan page through more than one 25-item page.
const carolOrders = Array.from({ length: 30 }, (_, i) => ({
  customerId: "carol", orderId: `o${String(i + 1).padStart(2, "0")}`, status: "PENDING",
  createdAt: "2024-06-01", total: i + 1,
}));
const itemCount = shop.orders.length + 1 + carolOrders.length;

let server, ddb, doc, admin, adminUrl, browser, page, streamArn, shotDir, profileDir;
const TableName = uniqueName("admin");

async function seed() {
  const created = await ddb.send(new CreateTableCommand(shop.createOrdersTable(TableName)));
  streamArn = created.TableDescription.LatestStreamArn;
  const items = [...shop.orders, ...carolOrders];
  for (let i = 0; i < items.length; i += 25) {
    const { UnprocessedItems } = await doc.send(new BatchWriteCommand({ RequestItems: {
      [TableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
    assert.deepEqual(UnprocessedItems, {});
  }
  await doc.send(new TransactWriteCommand({ TransactItems: [
    { Update: { TableName, Key: { customerId: "alice", orderId: "o03" }, UpdateExpression: "SET #s = :shipped",
                ConditionExpression: "#s = :pending", ExpressionAttributeNames: { "#s": "status" },
                ExpressionAttributeValues: { ":shipped": "SHIPPED", ":pending": "PENDING" } } },
    { Put: { TableName, Item: shop.newOrder, ConditionExpression: "attribute_not_exists(customerId)" } },
  ] }));
}

before(async () => {
  server = await startServer();
  ddb = new DynamoDBClient(clientConfig(server.endpoint));
  doc = DynamoDBDocumentClient.from(ddb);
  await seed();
  const app = createServer({ dynamoDbClient: ddb });
  await new Promise((resolve) => { admin = app.listen(0, "127.0.0.1", resolve); });
  adminUrl = `http://127.0.0.1:${admin.address().port}`;
  shotDir = process.env.EDDY_SCREENSHOT_DIR || fs.mkdtempSync(path.join(os.tmpdir(), "eddy-dynamodb-admin-"));
  fs.mkdirSync(shotDir, { recursive: true });
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "eddy-chromium-profile-"));
  browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM, headless: true, chromiumSandbox: false, viewport: { width: 1280, height: 900 },
    args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  page = browser.pages()[0] ?? await browser.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  page.on("dialog", (dialog) => dialog.accept());
  console.log(`screenshots in ${shotDir}`);
});

after(async () => {
  await browser?.close();
  fs.rmSync(profileDir, { recursive: true, force: true });
  await new Promise((resolve) => admin.close(resolve));
  await ddb.send(new DeleteTableCommand({ TableName }));
  ddb.destroy();
  assert.equal(await server.stop(), 0);
});

const shot = (name) => path.join(shotDir, `${name}.png`);
const rowsOrderIds = () => page.$$eval("#items-container tr", (rows) => rows.map((row) => row.innerText));

test("the table list shows the table and its item count", async () => {
  await page.goto(`${adminUrl}/`);
  const entry = page.locator(`#table-list li[data-table-name="${TableName}"]`);
  await entry.waitFor();
  assert.match(await entry.innerText(), new RegExp(`${TableName}[\\s\\S]*\\b${itemCount}\\b`));
  await checkScreenshot(page, await page.locator("#table-list").screenshot({ path: shot("1-tables") }));
});

test("the scan pages through every item 25 at a time", async () => {
  await page.locator(`#table-list a[href$="/tables/${TableName}"]`).click();
  await page.locator("#items-container tr").first().waitFor();
  const first = await rowsOrderIds();
  assert.equal(first.length, 25);
  await page.screenshot({ path: shot("2-scan"), fullPage: false });
  await page.locator(".page-link-next").click();
  await page.waitForURL(/pageNum=2/);
  await page.locator("#items-container tr").first().waitFor();
  const second = await rowsOrderIds();
  assert.equal(second.length, itemCount - 25);
  assert.equal(new Set([...first, ...second]).size, itemCount);
});

test("the search form queries the byStatus index", async () => {
  await page.goto(`${adminUrl}/tables/${TableName}`);
  await page.selectOption('select[name="operationType"]', "query");
  await page.selectOption('select[name="queryableSelection"]', "byStatus");
  // Choosing the index added a filter row for each of its key attributes; status is the one to fill.
  const keys = page.locator("#filters-table .filter-row-key");
  const statusRow = await keys.evaluateAll((inputs) => inputs.findIndex((input) => input.value === "status"));
  assert.ok(statusRow >= 0);
  await page.locator("#filters-table .filter-row-value").nth(statusRow).fill("SHIPPED");
  await page.locator('#form button[type="submit"]').click();
  await page.waitForURL(/operationType=query/);
  await page.locator("#items-container tr").first().waitFor();
  const rows = await rowsOrderIds();
  const shipped = rows.map((text) => text.match(/\bo\d\d\b/)[0]);
  assert.deepEqual(shipped, shop.shippedOrderIds);
  await page.screenshot({ path: shot("3-query-index") });
});

test("the item editor saves an edited order", async () => {
  await page.goto(`${adminUrl}/tables/${TableName}/items/alice,o01`);
  await page.locator("#documentTextarea").waitFor();
  // The page's Ace editor holds the item as JSON; ace.edit on its element hands back the same editor.
  const shown = JSON.parse(await page.evaluate(() => ace.edit("documentTextarea").getValue()));
  assert.deepEqual(shown, shop.orders[0]);
  await page.evaluate((order) => ace.edit("documentTextarea").setValue(JSON.stringify(order, null, 2)),
                      { ...shop.orders[0], status: "CANCELLED" });
  await page.locator("#saveButton").click();
  await page.locator("#saveButton.btn-success").waitFor();
  const { Item } = await doc.send(new GetCommand({ TableName, Key: { customerId: "alice", orderId: "o01" } }));
  assert.equal(Item.status, "CANCELLED");
  await checkScreenshot(page, await page.screenshot({ path: shot("4-item") }));
});

test("an order deleted in the GUI is gone, and the stream holds every change", async () => {
  await page.goto(`${adminUrl}/tables/${TableName}/items/bob,o01`);
  await page.locator("button.btn-danger", { hasText: "Delete" }).click();
  await page.waitForURL(new RegExp(`/tables/${TableName}$`));
  const { Item } = await doc.send(new GetCommand({ TableName, Key: { customerId: "bob", orderId: "o01" } }));
  assert.equal(Item, undefined);
  const records = await readStream(server.endpoint, streamArn, shop.expectedRecordCount + carolOrders.length);
  const events = eventsByKey(records, shop.orderKey);
  for (const order of carolOrders) assert.deepEqual(events[shop.orderKey(order)], ["INSERT"]);
  for (const [key, history] of Object.entries(shop.expectedEvents)) assert.deepEqual(events[key], history, key);
  assert.equal(records.length, shop.expectedRecordCount + carolOrders.length);
});
