// The console against an eddy started with --credentials and --namespace access-key-region
// (docs/console.md, How it talks to eddy): the page signs every request in the browser with the
// secret typed into it (SubtleCrypto's HMAC-SHA256), a wrong secret shows DynamoDB's
// InvalidSignatureException, and the access key and region typed in choose the namespace whose
// tables it shows.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { DynamoDBClient, CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { startServer, clientConfig, credentials } from "./support/eddy.mjs";

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const PAGE_TIMEOUT_MS = 15_000;

let server, browser, page, profileDir;

async function createTable(region, TableName) {
  const client = new DynamoDBClient({ ...clientConfig(server.endpoint), region });
  await client.send(new CreateTableCommand({
    TableName, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
    KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }] }));
  client.destroy();
}

before(async () => {
  server = await startServer({ args: ["--credentials", `${credentials.accessKeyId}:${credentials.secretAccessKey}`,
                                      "--namespace", "access-key-region"] });
  await createTable("us-east-1", "east_only");
  await createTable("eu-west-3", "paris_only");
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "eddy-chromium-profile-"));
  browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM, headless: true, chromiumSandbox: false,
    args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  page = browser.pages()[0] ?? await browser.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
});

after(async () => {
  await browser?.close();
  fs.rmSync(profileDir, { recursive: true, force: true });
  assert.equal(await server.stop(), 0);
});

async function useCredentials(accessKey, region, secret) {
  const form = page.locator("#credentials");
  await form.locator('input[name="accessKey"]').fill(accessKey);
  await form.locator('input[name="region"]').fill(region);
  await form.locator('input[name="secret"]').fill(secret);
  await form.locator('button[type="submit"]').click();
}

const tableNames = () => page.$$eval("#tables tbody tr", (rows) => rows.map((row) => row.dataset.table));

test("without the secret, eddy's signature check refuses the page's requests", async () => {
  await page.goto(`${server.endpoint}/console#/tables`);
  await useCredentials(credentials.accessKeyId, "us-east-1", "not the secret");
  // (The page's first answer, for its default access key, was already a refusal: wait for this one.)
  const refusal = page.locator("#view .status.error", { hasText: "InvalidSignatureException" });
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /^InvalidSignatureException: The request signature we calculated does not match the signature you provided\./);
});

test("signed with the secret, the page shows the namespace of its access key and region", async () => {
  await useCredentials(credentials.accessKeyId, "us-east-1", credentials.secretAccessKey);
  await page.locator("#tables").waitFor();
  assert.deepEqual(await tableNames(), ["east_only"]);
  await useCredentials(credentials.accessKeyId, "eu-west-3", credentials.secretAccessKey);
  await page.locator('#tables tr[data-table="paris_only"]').waitFor();
  assert.deepEqual(await tableNames(), ["paris_only"]);
  // The choice is kept across a reload (the secret for the browser session only).
  await page.reload();
  await page.locator('#tables tr[data-table="paris_only"]').waitFor();
  assert.equal(await page.locator('#credentials input[name="region"]').inputValue(), "eu-west-3");
});

test("an unknown access key is refused with DynamoDB's message", async () => {
  await useCredentials("AKIDUNKNOWN", "eu-west-3", credentials.secretAccessKey);
  const refusal = page.locator("#view .status.error", { hasText: "UnrecognizedClientException" });
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /^UnrecognizedClientException: The security token included in the request is invalid\./);
});
