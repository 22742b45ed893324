// PartiQL from the AWS SDK for JavaScript v3: the low-level client's ExecuteStatementCommand,
// BatchExecuteStatementCommand and ExecuteTransactionCommand with AttributeValue parameters, and
// @aws-sdk/lib-dynamodb's DynamoDBDocumentClient ExecuteStatementCommand with plain JavaScript
// parameters and items, paged with NextToken, as a new user would write them. Error texts: DynamoDB
// Local 3.3.0 (the oracle), except DuplicateItemException's name (the AWS service model's).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  DynamoDBClient, CreateTableCommand, DeleteTableCommand, ExecuteStatementCommand, BatchExecuteStatementCommand,
  ExecuteTransactionCommand, ConditionalCheckFailedException, TransactionCanceledException,
} from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, ExecuteStatementCommand as DocExecuteStatementCommand } from "@aws-sdk/lib-dynamodb";
import { startServer, clientConfig, uniqueName, errorOf } from "./support/eddy.mjs";

let server, ddb, doc;
const TableName = uniqueName("partiql");

before(async () => {
  server = await startServer();
  ddb = new DynamoDBClient(clientConfig(server.endpoint));
  doc = DynamoDBDocumentClient.from(ddb);
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: "PAY_PER_REQUEST",
    KeySchema: [{ AttributeName: "Artist", KeyType: "HASH" }, { AttributeName: "SongTitle", KeyType: "RANGE" }],
    AttributeDefinitions: [{ AttributeName: "Artist", AttributeType: "S" }, { AttributeName: "SongTitle", AttributeType: "S" }],
  }));
});

after(async () => {
  await ddb.send(new DeleteTableCommand({ TableName }));
  ddb.destroy();
  assert.equal(await server.stop(), 0);
});

test("the low-level client inserts with AttributeValue parameters and refuses a duplicate", async () => {
  const Statement = `INSERT INTO "${TableName}" VALUE {'Artist': ?, 'SongTitle': ?, 'Year': ?}`;
  const out = await ddb.send(new ExecuteStatementCommand({ Statement, Parameters: [{ S: "Acme" }, { S: "Song 1" }, { N: "1999" }] }));
  assert.deepEqual(out.Items, []);
  const e = await errorOf(ddb.send(new ExecuteStatementCommand({
    Statement, Parameters: [{ S: "Acme" }, { S: "Song 1" }, { N: "2000" }] })));
  // The AWS model's name; DynamoDB Local (EDDY_ENDPOINT) sends DuplicateItem.
  assert.equal(e.name, process.env.EDDY_ENDPOINT ? "DuplicateItem" : "DuplicateItemException", e);
  assert.equal(e.message, "Duplicate primary key exists in table");
});

test("the DocumentClient takes native JavaScript parameters and returns native items", async () => {
  for (let i = 2; i <= 5; i++) {
    await doc.send(new DocExecuteStatementCommand({
      Statement: `INSERT INTO "${TableName}" VALUE {'Artist': ?, 'SongTitle': ?, 'Year': ?, 'Tags': ?}`,
      Parameters: ["Acme", `Song ${i}`, 1999 + i, { genre: "rock", live: i % 2 === 0 }],
    }));
  }
  const { Items } = await doc.send(new DocExecuteStatementCommand({
    Statement: `SELECT SongTitle, "Year", Tags FROM "${TableName}" WHERE Artist = ? AND SongTitle >= ?`,
    Parameters: ["Acme", "Song 4"],
  }));
  assert.deepEqual(Items, [
    { SongTitle: "Song 4", Year: 2003, Tags: { genre: "rock", live: true } },
    { SongTitle: "Song 5", Year: 2004, Tags: { genre: "rock", live: false } },
  ]);
});

test("SELECT pages with Limit and NextToken", async () => {
  const titles = [];
  let NextToken;
  do {
    const page = await doc.send(new DocExecuteStatementCommand({
      Statement: `SELECT * FROM "${TableName}" WHERE Artist = 'Acme'`, Limit: 2, NextToken }));
    titles.push(...page.Items.map((item) => item.SongTitle));
    NextToken = page.NextToken;
  } while (NextToken);
  assert.deepEqual(titles, ["Song 1", "Song 2", "Song 3", "Song 4", "Song 5"]);
});

test("UPDATE with RETURNING, and a failed WHERE condition", async () => {
  const { Items } = await doc.send(new DocExecuteStatementCommand({
    Statement: `UPDATE "${TableName}" SET Plays = 1 WHERE Artist = 'Acme' AND SongTitle = 'Song 1' RETURNING MODIFIED NEW *`,
  }));
  assert.deepEqual(Items, [{ Plays: 1 }]);
  const e = await errorOf(doc.send(new DocExecuteStatementCommand({
    Statement: `UPDATE "${TableName}" SET Plays = 2 WHERE Artist = 'Acme' AND SongTitle = 'Song 1' AND Plays = 5`,
  })));
  assert.ok(e instanceof ConditionalCheckFailedException, e);
  assert.equal(e.message, "The conditional request failed");
});

test("a batch reads by key and a transaction writes all or nothing", async () => {
  const { Responses } = await ddb.send(new BatchExecuteStatementCommand({ Statements: [
    { Statement: `SELECT "Year" FROM "${TableName}" WHERE Artist = 'Acme' AND SongTitle = 'Song 2'` },
    { Statement: `SELECT * FROM "${TableName}" WHERE Artist = 'Acme'` },
  ] }));
  assert.deepEqual(Responses, [
    { TableName, Item: { Year: { N: "2001" } } },
    { Error: { Code: "ValidationError", Message: "Only single item select is supported" } },
  ]);
  const e = await errorOf(ddb.send(new ExecuteTransactionCommand({ TransactStatements: [
    { Statement: `DELETE FROM "${TableName}" WHERE Artist = 'Acme' AND SongTitle = 'Song 3'` },
    { Statement: `EXISTS(SELECT * FROM "${TableName}" WHERE Artist = 'Acme' AND SongTitle = 'Song 1' AND Plays = 9)` },
  ] })));
  assert.ok(e instanceof TransactionCanceledException, e);
  assert.deepEqual(e.CancellationReasons.map((r) => r.Code), ["None", "ConditionalCheckFailed"]);
  const { Items } = await doc.send(new DocExecuteStatementCommand({
    Statement: `SELECT SongTitle FROM "${TableName}" WHERE Artist = 'Acme' AND SongTitle = 'Song 3'` }));
  assert.deepEqual(Items, [{ SongTitle: "Song 3" }]);
});
