// eddy's own console (/console, docs/console.md) in headless Chromium: the table list with the
// key schema, index, stream and TTL of a table; the item browser scanning it and paging a Query of its
// index; an item created and then edited in the item editor (read back through the SDK, attribute
// for attribute) and a refused save showing DynamoDB's message; and the live stream view, open in
// a second tab, showing the INSERT and the MODIFY of that edit with the changed attribute marked,
// then a write made through the SDK, and writes after a rollover and a split (read from the closed
// shards' children); and the trigger deliveries of a webhook mapping. Screenshots of the table
// list, the edited item, the stream view and the triggers go to EDDY_SCREENSHOT_DIR (default: a new
// temporary folder), which the test prints.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { DynamoDBClient, CreateTableCommand, DeleteTableCommand, DescribeTableCommand, GetItemCommand,
  UpdateTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, BatchWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { startServer, clientConfig, uniqueName } from "./support/eddy.mjs";
import { checkScreenshot } from "./support/screenshot.mjs";
import * as shop from "./support/orders.mjs";

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const PAGE_TIMEOUT_MS = 15_000;
// How long a record may take to reach the stream view (it polls about once a second).
const STREAM_DEADLINE_MS = 10_000;
const TableName = uniqueName("console");
const WEBHOOK_WAIT_MS = 10_000;
const shipped = shop.orders.filter((o) => o.status === "SHIPPED").map((o) => o.orderId).sort();

let server, ddb, doc, browser, page, streamPage, shotDir, profileDir;

before(async () => {
  server = await startServer();
  ddb = new DynamoDBClient(clientConfig(server.endpoint));
  doc = DynamoDBDocumentClient.from(ddb);
  await ddb.send(new CreateTableCommand(shop.createOrdersTable(TableName)));
  await ddb.send(new UpdateTimeToLiveCommand({ TableName,
    TimeToLiveSpecification: { Enabled: true, AttributeName: "expiresAt" } }));
  const { UnprocessedItems } = await doc.send(new BatchWriteCommand({ RequestItems: {
    [TableName]: shop.orders.map((Item) => ({ PutRequest: { Item } })) } }));
  assert.deepEqual(UnprocessedItems, {});
  shotDir = process.env.EDDY_SCREENSHOT_DIR || fs.mkdtempSync(path.join(os.tmpdir(), "eddy-console-"));
  fs.mkdirSync(shotDir, { recursive: true });
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "eddy-chromium-profile-"));
  browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM, headless: true, chromiumSandbox: false, viewport: { width: 1400, height: 900 },
    args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  page = browser.pages()[0] ?? await browser.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error));
  page.pageErrors = pageErrors;
  console.log(`screenshots in ${shotDir}`);
});

after(async () => {
  assert.deepEqual(page?.pageErrors ?? [], []);
  await browser?.close();
  fs.rmSync(profileDir, { recursive: true, force: true });
  await ddb.send(new DeleteTableCommand({ TableName }));
  ddb.destroy();
  assert.equal(await server.stop(), 0);
});

const shot = (name) => path.join(shotDir, `${name}.png`);
const consoleUrl = (fragment) => `${server.endpoint}/console#${fragment}`;
const rowKeys = () => page.$$eval("#items tbody tr", (rows) => rows.map((row) => row.dataset.key));
const statusText = (id) => page.locator(`#${id}`).innerText();

test("the table list shows the table with its key schema, index, item count, stream and TTL", async () => {
  await page.goto(consoleUrl("/tables"));
  const row = page.locator(`#tables tr[data-table="${TableName}"]`);
  await row.waitFor();
  assert.equal(await row.locator(".key-schema").innerText(), "customerId (S) HASH, orderId (S) RANGE");
  assert.equal(await row.locator(".indexes li").innerText(), "GSI byStatus: status (S) HASH, createdAt (S) RANGE");
  assert.equal(await row.locator(".item-count").innerText(), String(shop.orders.length));
  assert.equal(await row.locator(".stream").innerText(), "enabled, NEW_AND_OLD_IMAGES");
  assert.equal(await row.locator(".ttl").innerText(), "expiresAt (ENABLED)");
  await checkScreenshot(page, await page.screenshot({ path: shot("1-tables") }));
});

test("the item browser scans the table, pages a Query of the index and narrows it by its sort key", async () => {
  await page.locator(`#tables tr[data-table="${TableName}"] .name a`).click();
  await page.locator("#items tbody tr").first().waitFor();
  const scanned = await rowKeys();
  assert.deepEqual(scanned.sort(), shop.orders.map((o) => `${o.customerId}/${o.orderId}`).sort());
  const form = page.locator("#query-form");
  await form.locator('select[name="operation"]').selectOption("Query");
  await form.locator('select[name="index"]').selectOption("byStatus");
  assert.equal(await form.locator(".partition-name").innerText(), "status");
  assert.equal(await form.locator(".sort-name").innerText(), "createdAt");
  await form.locator('input[name="partition"]').fill("SHIPPED");
  await form.locator('input[name="limit"]').fill("2");
  await page.locator("#run").click();
  const pages = [];
  for (let n = 1; ; n++) {
    await page.locator("#items-status", { hasText: `Query: page ${n},` }).waitFor();
    pages.push((await page.$$eval("#items tbody tr td[data-attribute=orderId]", (cells) =>
      cells.map((cell) => cell.innerText))));
    if (await page.locator("#next-page").isDisabled()) break;
    await page.locator("#next-page").click();
  }
  assert.ok(pages.length >= 2, `${pages.length} pages`);
  assert.ok(pages.every((p) => p.length <= 2));
  assert.deepEqual(pages.flat().sort(), shipped);
  await page.locator("#previous-page").click();
  await page.locator("#items-status", { hasText: `Query: page ${pages.length - 1},` }).waitFor();
  assert.deepEqual(await page.$$eval("#items tbody tr td[data-attribute=orderId]", (cells) =>
    cells.map((cell) => cell.innerText)), pages[pages.length - 2]);

  // A condition on the index's sort key, from the builder: createdAt BETWEEN two dates.
  await form.locator('select[name="sort-operator"]').selectOption("BETWEEN");
  await form.locator('input[name="sort-value"]').fill("2024-05-03");
  await form.locator('input[name="sort-value2"]').fill("2024-05-06");
  await form.locator('input[name="limit"]').fill("25");
  await page.locator("#run").click();
  await page.locator("#items-status", { hasText: "Query: page 1," }).waitFor();
  const between = shop.orders.filter((o) => o.status === "SHIPPED" && o.createdAt >= "2024-05-03" &&
                                            o.createdAt <= "2024-05-06").map((o) => o.orderId);
  assert.ok(between.length > 0 && between.length < shipped.length);
  assert.deepEqual(await page.$$eval("#items tbody tr td[data-attribute=orderId]", (cells) =>
    cells.map((cell) => cell.innerText)), between);
});

test("an item saved in the editor is written, and a refused save shows DynamoDB's message", async () => {
  streamPage = await browser.newPage();
  streamPage.setDefaultTimeout(PAGE_TIMEOUT_MS);
  await streamPage.goto(consoleUrl(`/tables/${TableName}/stream`));
  await streamPage.locator("#stream-status", { hasText: "Following" }).waitFor();

  // Through the table list, so that the item browser opens afresh (a Scan).
  await page.goto(consoleUrl("/tables"));
  await page.locator(`#tables tr[data-table="${TableName}"]`).waitFor();
  await page.goto(consoleUrl(`/tables/${TableName}/items`));
  await page.locator("#items-status", { hasText: "Scan: page 1," }).waitFor();
  await page.locator("#item-new").click();
  await page.locator("#item-text").fill(JSON.stringify({ customerId: "dave" }));
  await page.locator("#item-save").click();
  await page.locator("#item-status.error").waitFor();
  assert.equal(await statusText("item-status"),
               "ValidationException: One or more parameter values were invalid: Missing the key orderId in the item");

  // Plain JSON: numbers keep every digit, $set is a set, $binary a binary.
  await page.locator("#item-text").fill(`{
    "customerId": "dave", "orderId": "o01", "status": "PENDING", "createdAt": "2024-07-01",
    "total": 12345678901234567890.125, "tags": {"$set": ["gift", "rush"]}, "note": {"$binary": "AAEC"}
  }`);
  await page.locator("#item-save").click();
  await page.locator("#item-status", { hasText: "Saved." }).waitFor();
  const key = { customerId: { S: "dave" }, orderId: { S: "o01" } };
  const { Item: created } = await ddb.send(new GetItemCommand({ TableName, Key: key }));
  assert.deepEqual({ ...created, note: { B: Buffer.from(created.note.B).toString("base64") } }, {
    ...key, status: { S: "PENDING" }, createdAt: { S: "2024-07-01" }, total: { N: "12345678901234567890.125" },
    tags: { SS: ["gift", "rush"] }, note: { B: "AAEC" },
  });
});

test("the editor edits the item as DynamoDB JSON, and the stream view marks the changed attribute", async () => {
  const row = page.locator('#items tbody tr[data-key="dave/o01"]');
  await row.click();
  await page.locator("#format-dynamodb").check();
  const shown = JSON.parse(await page.locator("#item-text").inputValue());
  assert.deepEqual(shown.total, { N: "12345678901234567890.125" });
  assert.deepEqual(shown.tags, { SS: ["gift", "rush"] });
  assert.deepEqual(shown.note, { B: "AAEC" });
  await page.locator("#item-text").fill(JSON.stringify({ ...shown, status: { S: "SHIPPED" } }, null, 2));
  await page.locator("#item-save").click();
  await page.locator("#item-status", { hasText: "Saved." }).waitFor();
  const { Item } = await ddb.send(new GetItemCommand({ TableName, Key: { customerId: { S: "dave" },
                                                                         orderId: { S: "o01" } } }));
  assert.deepEqual({ ...Item, note: { B: Buffer.from(Item.note.B).toString("base64") } }, {
    customerId: { S: "dave" }, orderId: { S: "o01" }, status: { S: "SHIPPED" }, createdAt: { S: "2024-07-01" },
    total: { N: "12345678901234567890.125" }, tags: { SS: ["gift", "rush"] }, note: { B: "AAEC" },
  });
  await page.locator('#items tbody tr[data-key="dave/o01"] td[data-attribute=status]', { hasText: "SHIPPED" })
    .waitFor();
  await checkScreenshot(page, await page.screenshot({ path: shot("2-edited-item") }));

  const daveKeys = "customerId=dave, orderId=o01";
  const insert = streamPage.locator(`.record[data-event=INSERT][data-keys="${daveKeys}"]`);
  const modify = streamPage.locator(`.record[data-event=MODIFY][data-keys="${daveKeys}"]`);
  await insert.waitFor({ timeout: STREAM_DEADLINE_MS });
  await modify.waitFor({ timeout: STREAM_DEADLINE_MS });
  assert.equal(await insert.locator(".image.empty h4").innerText(), "OldImage");
  assert.equal(await insert.locator("tr.added").count(), 7);
  const changed = await modify.locator("tr.changed").evaluateAll((rows) => rows.map((r) => r.dataset.attribute));
  assert.deepEqual(changed, ["status", "status"]);  // in OldImage and in NewImage
  assert.equal(await modify.locator("tr.changed td").first().innerText(), "PENDING");
  assert.equal(await modify.locator("tr.changed td").last().innerText(), "SHIPPED");
  assert.equal(await modify.locator("tr.same").count(), 12);
  assert.equal(await modify.locator("tr.added, tr.removed").count(), 0);
});

test("a write made through the SDK appears in the stream view", async () => {
  await doc.send(new UpdateCommand({ TableName, Key: { customerId: "alice", orderId: "o01" },
    UpdateExpression: "SET #s = :s REMOVE #t", ExpressionAttributeNames: { "#s": "status", "#t": "total" },
    ExpressionAttributeValues: { ":s": "CANCELLED" } }));
  const record = streamPage.locator('.record[data-event=MODIFY][data-keys="customerId=alice, orderId=o01"]');
  await record.waitFor({ timeout: STREAM_DEADLINE_MS });
  assert.deepEqual(await record.locator("tr.changed, tr.removed").evaluateAll((rows) =>
    rows.map((r) => `${r.className} ${r.dataset.attribute}`)), ["changed status", "removed total", "changed status"]);
  // The newest record is on top: the SDK's write above the editor's.
  assert.equal(await streamPage.locator(".record").first().getAttribute("data-keys"), "customerId=alice, orderId=o01");
  assert.equal(await streamPage.locator(".record").count(), 3);
  await checkScreenshot(streamPage, await streamPage.screenshot({ path: shot("3-stream") }));
});

test("the stream view follows closed shards into their children, a rollover's and a split's", async () => {
  const admin = (call) => fetch(`${server.endpoint}/eddy/v1/streams/${TableName}/${call}`, { method: "POST" });
  assert.equal((await admin("rollover")).status, 200);
  assert.equal((await admin("split")).status, 200);
  // Every order's next record goes to one of the children (which one depends on its key's hash).
  for (const order of shop.orders) {
    await doc.send(new UpdateCommand({ TableName, Key: { customerId: order.customerId, orderId: order.orderId },
      UpdateExpression: "SET #n = :n", ExpressionAttributeNames: { "#n": "note" },
      ExpressionAttributeValues: { ":n": "after the rollover" } }));
  }
  // One MODIFY per order, each with the note added (a row of its NewImage only).
  await streamPage.waitForFunction((count) => document.querySelectorAll(
    '.record[data-event=MODIFY] tr.added[data-attribute="note"]').length === count, shop.orders.length,
    { timeout: STREAM_DEADLINE_MS });
  const keys = await streamPage.$$eval('.record[data-event=MODIFY]:has(tr.added[data-attribute="note"])',
                                       (records) => records.map((r) => r.dataset.keys));
  assert.deepEqual(keys.sort(), shop.orders.map((o) => `customerId=${o.customerId}, orderId=${o.orderId}`).sort());
  // The four children of the rollover, one of them split in two.
  await streamPage.locator("#stream-status", { hasText: "Following 5 shards" })
    .waitFor({ timeout: STREAM_DEADLINE_MS });
});

test("the trigger view shows a webhook mapping's state, last result and delivery", async () => {
  let batches = 0;
  const hook = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => { batches++; response.end("{}"); });
  });
  await new Promise((resolve) => hook.listen(0, "127.0.0.1", resolve));
  try {
    const { Table } = await ddb.send(new DescribeTableCommand({ TableName }));
    // Lambda's CreateEventSourceMapping at eddy's origin (eddy without --credentials wants only the
    // header's shape).
    const created = await fetch(`${server.endpoint}/2015-03-31/event-source-mappings/`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization:
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, " +
        `Signature=${"0".repeat(64)}` },
      body: JSON.stringify({ EventSourceArn: Table.LatestStreamArn, StartingPosition: "TRIM_HORIZON",
                             FunctionName: `http://127.0.0.1:${hook.address().port}/orders` }),
    });
    assert.equal(created.status, 202);
    const { UUID } = await created.json();
    const waited = await fetch(`${server.endpoint}/eddy/v1/triggers/${UUID}/wait?timeout_ms=${WEBHOOK_WAIT_MS}`);
    assert.deepEqual(await waited.json(), { uuid: UUID, delivered: true });
    assert.ok(batches >= 1);

    await page.goto(consoleUrl("/triggers"));
    const row = page.locator(`#triggers tr[data-uuid="${UUID}"]`);
    await row.waitFor();
    assert.equal(await row.locator(".state").innerText(), "Enabled");
    assert.equal(await row.locator(".last-result").innerText(), "OK");
    assert.equal(await row.locator(".delivered").innerText(), "everything");
    assert.match(await row.locator(".lag").innerText(), /^0 records/);
    assert.equal(await row.locator(".table").innerText(), TableName);
    await checkScreenshot(page, await page.screenshot({ path: shot("4-triggers") }));
  } finally {
    await new Promise((resolve) => hook.close(resolve));
  }
});
