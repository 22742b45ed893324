// The item browser of one table: Scan, or Query of the table or one of its indexes with a key
// condition built from the key schema, an optional FilterExpression, pages of Limit items moved
// through by LastEvaluatedKey (previous pages by the start keys already seen), and the item editor
// for the item clicked.
import { dynamodb } from "./api.js";
import { cellText, parseJson } from "./attribute_json.js";
import { h, show, errorText } from "./dom.js";
import { createEditor } from "./item_editor.js";
import { keySchemaText } from "./tables_view.js";

const SORT_OPERATORS = ["", "=", "<", "<=", ">", ">=", "BETWEEN", "begins_with"];

function keySchemaOf(table, indexName) {
  if (!indexName) return table.KeySchema;
  const all = [...(table.GlobalSecondaryIndexes ?? []), ...(table.LocalSecondaryIndexes ?? [])];
  return all.find((i) => i.IndexName === indexName).KeySchema;
}

const typeOf = (table, name) => table.AttributeDefinitions.find((a) => a.AttributeName === name).AttributeType;

// The form's fields, by name.
function field(form, name) { return form.elements.namedItem(name); }

// The KeyConditionExpression and its names and values from the builder's fields.
function keyCondition(table, form) {
  const schema = keySchemaOf(table, field(form, "index").value);
  const [hash, range] = [schema.find((k) => k.KeyType === "HASH"), schema.find((k) => k.KeyType === "RANGE")];
  const names = { "#pk": hash.AttributeName };
  const values = { ":pk": { [typeOf(table, hash.AttributeName)]: field(form, "partition").value } };
  let expression = "#pk = :pk";
  const operator = field(form, "sort-operator").value;
  if (range && operator) {
    const type = typeOf(table, range.AttributeName);
    names["#sk"] = range.AttributeName;
    values[":sk"] = { [type]: field(form, "sort-value").value };
    if (operator === "BETWEEN") {
      values[":sk2"] = { [type]: field(form, "sort-value2").value };
      expression += " AND #sk BETWEEN :sk AND :sk2";
    } else if (operator === "begins_with") {
      expression += " AND begins_with(#sk, :sk)";
    } else {
      expression += ` AND #sk ${operator} :sk`;
    }
  }
  return { expression, names, values };
}

// The Scan or Query request the form describes, starting at `startKey`.
function request(table, form, startKey) {
  const out = { TableName: table.TableName, Limit: Number(field(form, "limit").value) || 25 };
  const index = field(form, "index").value;
  if (index) out.IndexName = index;
  let names = {};
  let values = {};
  if (field(form, "operation").value === "Query") {
    const condition = keyCondition(table, form);
    out.KeyConditionExpression = condition.expression;
    ({ names, values } = condition);
  }
  const filter = field(form, "filter").value.trim();
  if (filter) {
    out.FilterExpression = filter;
    const moreNames = field(form, "names").value.trim();
    const moreValues = field(form, "values").value.trim();
    if (moreNames) Object.assign(names, parseJson(moreNames));
    if (moreValues) Object.assign(values, parseJson(moreValues));
  }
  if (Object.keys(names).length) out.ExpressionAttributeNames = names;
  if (Object.keys(values).length) out.ExpressionAttributeValues = values;
  if (startKey) out.ExclusiveStartKey = startKey;
  return out;
}

function itemsTable(table, items, onPick) {
  const keys = table.KeySchema.map((k) => k.AttributeName);
  const others = [...new Set(items.flatMap((item) => Object.keys(item)))].filter((n) => !keys.includes(n)).sort();
  const columns = [...keys, ...others];
  return h("table", { id: "items", class: "grid" },
    h("thead", {}, h("tr", {}, columns.map((c) => h("th", {}, c)))),
    h("tbody", {}, items.map((item) => h("tr", {
      class: "item", dataset: { key: keys.map((k) => cellText(item[k])).join("/") }, onclick: () => onPick(item),
    }, columns.map((c) => h("td", { dataset: { attribute: c } }, item[c] ? cellText(item[c]) : ""))))));
}

function queryForm(table, onRun) {
  const indexes = [...(table.GlobalSecondaryIndexes ?? []), ...(table.LocalSecondaryIndexes ?? [])];
  const input = (name, attributes = {}) => h("input", { name, ...attributes });
  const form = h("form", { id: "query-form", class: "panel", onsubmit: (e) => { e.preventDefault(); onRun(); } },
    h("label", {}, "Operation ", h("select", { name: "operation" }, h("option", {}, "Scan"), h("option", {}, "Query"))),
    h("label", {}, " on ", h("select", { name: "index" }, h("option", { value: "" }, "the table"),
      indexes.map((i) => h("option", { value: i.IndexName }, `index ${i.IndexName}`)))),
    h("div", { class: "key-condition" },
      h("label", {}, h("span", { class: "partition-name" }), " = ", input("partition")),
      h("label", { class: "sort" }, h("span", { class: "sort-name" }), " ",
        h("select", { name: "sort-operator" }, SORT_OPERATORS.map((o) => h("option", { value: o }, o || "(any)"))),
        " ", input("sort-value"), h("span", { class: "between" }, " and ", input("sort-value2")))),
    h("label", { class: "wide" }, "FilterExpression ", input("filter", { placeholder: "#s = :s" })),
    h("label", { class: "wide" }, "ExpressionAttributeNames ", input("names", { placeholder: '{"#s": "status"}' })),
    h("label", { class: "wide" }, "ExpressionAttributeValues ",
      input("values", { placeholder: '{":s": {"S": "SHIPPED"}}' })),
    h("label", {}, "Limit ", input("limit", { type: "number", min: "1", value: "25" })),
    " ", h("button", { type: "submit", id: "run" }, "Run"));
  const refresh = () => {
    const query = field(form, "operation").value === "Query";
    form.querySelector(".key-condition").hidden = !query;
    const schema = keySchemaOf(table, field(form, "index").value);
    const range = schema.find((k) => k.KeyType === "RANGE");
    form.querySelector(".partition-name").textContent = schema[0].AttributeName;
    form.querySelector(".sort").hidden = !range;
    form.querySelector(".between").hidden = field(form, "sort-operator").value !== "BETWEEN";
    if (range) form.querySelector(".sort-name").textContent = range.AttributeName;
  };
  form.addEventListener("change", refresh);
  refresh();
  return form;
}

export async function showItems(view, tableName) {
  const { Table: table } = await dynamodb("DescribeTable", { TableName: tableName });
  const starts = [undefined];  // the ExclusiveStartKey of each page seen; the last is the next page's
  let page = 0;
  const status = h("p", { id: "items-status", class: "status" });
  const results = h("div", { id: "results" });
  const previous = h("button", { id: "previous-page", type: "button", onclick: () => run(page - 1) }, "◀ previous");
  const next = h("button", { id: "next-page", type: "button", onclick: () => run(page + 1) }, "next ▶");
  const editor = createEditor(table, { onSaved: () => run(page) });
  const form = queryForm(table, () => { starts.length = 1; run(0); });

  async function run(wanted) {
    try {
      const operation = field(form, "operation").value;
      const answer = await dynamodb(operation, request(table, form, starts[wanted]));
      page = wanted;
      starts.length = page + 1;
      if (answer.LastEvaluatedKey) starts.push(answer.LastEvaluatedKey);
      show(results, itemsTable(table, answer.Items, editor.open));
      status.textContent = `${operation}: page ${page + 1}, ${answer.Count} item${answer.Count === 1 ? "" : "s"}` +
                           (answer.LastEvaluatedKey ? ", more follow" : "");
      status.classList.remove("error");
      previous.disabled = page === 0;
      next.disabled = !answer.LastEvaluatedKey;
    } catch (error) {
      status.textContent = errorText(error);
      status.classList.add("error");
    }
  }

  show(view,
    h("h2", {}, `Items of ${table.TableName}`),
    h("p", { class: "subtitle" }, keySchemaText(table, table.KeySchema), " · ",
      h("a", { href: `#/tables/${encodeURIComponent(table.TableName)}/stream` }, "stream")),
    form,
    h("div", { class: "columns" },
      h("div", { class: "browser" }, status, results, h("div", { class: "buttons" }, previous, " ", next)),
      editor.element));
  await run(0);
  return () => {};
}
