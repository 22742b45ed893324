// The item editor: an item as DynamoDB JSON or plain JSON (attribute_json.js; switching converts
// the text), saved with PutItem and deleted with DeleteItem by its key, through eddy's normal
// request path; a refusal shows DynamoDB's error type and message.
import { dynamodb } from "./api.js";
import { parseJson, stringify, toPlainItem, fromPlainItem } from "./attribute_json.js";
import { h, errorText } from "./dom.js";

const STEP = "  ";

export function createEditor(table, { onSaved }) {
  let format = "plain";
  const text = h("textarea", { id: "item-text", spellcheck: "false", rows: "18" });
  const status = h("p", { id: "item-status", class: "status" });
  const radio = (value, label) => h("label", {},
    h("input", { type: "radio", name: "item-format", id: `format-${value}`, value, checked: value === format,
                 onchange: () => switchTo(value) }), ` ${label}`);
  const say = (message, isError = false) => {
    status.textContent = message;
    status.classList.toggle("error", isError);
  };

  // The text as a DynamoDB JSON item; throws with a message for the page.
  function item() {
    const parsed = parseJson(text.value);
    return format === "plain" ? fromPlainItem(parsed) : parsed;
  }
  function write(dynamodbItem) {
    text.value = format === "plain" ? stringify(toPlainItem(dynamodbItem), "", STEP)
                                    : stringify(dynamodbItem, "", STEP);
  }
  function switchTo(next) {
    if (next === format) return;
    try {
      const current = item();
      format = next;
      write(current);
      say("");
    } catch (error) {
      element.querySelector(`#format-${format}`).checked = true;
      say(`Cannot convert: ${errorText(error)}`, true);
    }
  }
  async function save() {
    try {
      const Item = item();
      await dynamodb("PutItem", { TableName: table.TableName, Item });
      say("Saved.");
      onSaved();
    } catch (error) {
      say(errorText(error), true);
    }
  }
  async function remove() {
    try {
      const current = item();
      const Key = Object.fromEntries(table.KeySchema.map((k) => [k.AttributeName, current[k.AttributeName]]));
      await dynamodb("DeleteItem", { TableName: table.TableName, Key });
      say("Deleted.");
      onSaved();
    } catch (error) {
      say(errorText(error), true);
    }
  }

  const element = h("section", { id: "editor", class: "panel" },
    h("h3", {}, "Item"),
    h("div", { class: "formats" }, radio("plain", "plain JSON"), " ", radio("dynamodb", "DynamoDB JSON")),
    text,
    h("div", { class: "buttons" },
      h("button", { id: "item-save", type: "button", onclick: save }, "Save (PutItem)"),
      h("button", { id: "item-delete", type: "button", onclick: remove }, "Delete (DeleteItem)"),
      h("button", { id: "item-new", type: "button", onclick: () => open(null) }, "New item")),
    status);

  // Shows `dynamodbItem`, or a new item's key attributes when null.
  function open(dynamodbItem) {
    const fresh = Object.fromEntries(table.KeySchema.map((k) => {
      const type = table.AttributeDefinitions.find((a) => a.AttributeName === k.AttributeName).AttributeType;
      return [k.AttributeName, { [type]: type === "N" ? "0" : "" }];
    }));
    write(dynamodbItem ?? fresh);
    say(dynamodbItem ? "" : "A new item: fill in its key and attributes, then save.");
    text.focus();
  }

  return { element, open };
}
