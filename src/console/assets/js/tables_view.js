// The table list: every table of the namespace with its key schema, indexes, item count, stream
// (status and view type) and TTL, from ListTables, DescribeTable and DescribeTimeToLive.
import { dynamodb } from "./api.js";
import { h, show, errorText } from "./dom.js";

export async function listTableNames() {
  const names = [];
  let start;
  do {
    const page = await dynamodb("ListTables", start ? { ExclusiveStartTableName: start } : {});
    names.push(...page.TableNames);
    start = page.LastEvaluatedTableName;
  } while (start);
  return names;
}

const typeOf = (table, name) => table.AttributeDefinitions.find((a) => a.AttributeName === name)?.AttributeType;

// "customerId (S) HASH, orderId (S) RANGE"
export function keySchemaText(table, keySchema) {
  return keySchema.map((k) => `${k.AttributeName} (${typeOf(table, k.AttributeName)}) ${k.KeyType}`).join(", ");
}

function indexesOf(table) {
  const indexes = [
    ...(table.GlobalSecondaryIndexes ?? []).map((i) => ({ kind: "GSI", ...i })),
    ...(table.LocalSecondaryIndexes ?? []).map((i) => ({ kind: "LSI", ...i })),
  ];
  if (indexes.length === 0) return "none";
  return h("ul", { class: "indexes" }, indexes.map((i) =>
    h("li", { dataset: { index: i.IndexName } }, `${i.kind} ${i.IndexName}: ${keySchemaText(table, i.KeySchema)}`,
      i.IndexStatus && i.IndexStatus !== "ACTIVE" ? ` (${i.IndexStatus})` : "")));
}

// "enabled, NEW_AND_OLD_IMAGES"; a disabled stream stays readable for 24 hours (LatestStreamArn).
function streamOf(table) {
  const spec = table.StreamSpecification;
  if (spec?.StreamEnabled) return `enabled, ${spec.StreamViewType}`;
  return table.LatestStreamArn ? "disabled (the last stream is still readable)" : "off";
}

function ttlOf(ttl) {
  const description = ttl?.TimeToLiveDescription;
  if (!description || description.TimeToLiveStatus === "DISABLED") return "off";
  return `${description.AttributeName} (${description.TimeToLiveStatus})`;
}

function row(table, ttl) {
  const name = table.TableName;
  const link = (view, text) => h("a", { href: `#/tables/${encodeURIComponent(name)}/${view}` }, text);
  return h("tr", { dataset: { table: name } },
    h("td", { class: "name" }, link("items", name)),
    h("td", { class: "key-schema" }, keySchemaText(table, table.KeySchema)),
    h("td", { class: "indexes" }, indexesOf(table)),
    h("td", { class: "item-count" }, String(table.ItemCount)),
    h("td", { class: "stream" }, streamOf(table)),
    h("td", { class: "ttl" }, ttlOf(ttl)),
    h("td", { class: "actions" }, link("items", "items"), " ",
      table.LatestStreamArn ? link("stream", "stream") : ""));
}

export async function showTables(view) {
  const status = h("p", { class: "status" }, "Loading tables…");
  show(view, h("h2", {}, "Tables"), status);
  try {
    const names = await listTableNames();
    const rows = await Promise.all(names.map(async (TableName) => {
      const { Table } = await dynamodb("DescribeTable", { TableName });
      const ttl = await dynamodb("DescribeTimeToLive", { TableName });
      return row(Table, ttl);
    }));
    const head = ["Table", "Key schema", "Indexes", "Items", "Stream", "TTL", ""].map((t) => h("th", {}, t));
    status.textContent = `${names.length} table${names.length === 1 ? "" : "s"}`;
    view.append(h("table", { id: "tables", class: "grid" }, h("thead", {}, h("tr", {}, head)),
                  h("tbody", {}, rows)));
  } catch (error) {
    status.textContent = errorText(error);
    status.classList.add("error");
  }
  return () => {};
}
