// Items as DynamoDB JSON ({"price": {"N": "1.50"}}) and as plain JSON ({"price": 1.50}), converted
// both ways without losing a digit: numbers are kept as their text (NumberText), never as a JS
// double. Plain JSON writes what JSON cannot say as:
//   a set      {"$set": ["a", "b"]}  (strings: SS, numbers: NS, binaries: BS)
//   a binary   {"$binary": "<base64>"}
// and reads them back the same way (docs/console.md, The item editor).

// A number as DynamoDB holds it: its decimal text.
export class NumberText {
  constructor(text) { this.text = text; }
}

// JSON.parse, but numbers become NumberText and objects have no prototype (so "__proto__" is a key
// like any other). Throws SyntaxError with the offset.
export function parseJson(text) {
  let at = 0;
  const fail = (what) => { throw new SyntaxError(`${what} at character ${at + 1}`); };
  const space = () => { while (at < text.length && " \t\r\n".includes(text[at])) at++; };
  const token = (pattern) => {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) return null;
    at = pattern.lastIndex;
    return match[0];
  };
  const string = () => {
    const raw = token(/"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y);
    return raw === null ? fail("a string expected") : JSON.parse(raw);
  };
  const value = () => {
    space();
    const c = text[at];
    if (c === "{") {
      at++;
      const object = Object.create(null);
      space();
      if (text[at] === "}") { at++; return object; }
      for (;;) {
        space();
        const key = string();
        space();
        if (text[at++] !== ":") fail("':' expected");
        object[key] = value();
        space();
        if (text[at] === ",") { at++; continue; }
        if (text[at++] === "}") return object;
        fail("',' or '}' expected");
      }
    }
    if (c === "[") {
      at++;
      const list = [];
      space();
      if (text[at] === "]") { at++; return list; }
      for (;;) {
        list.push(value());
        space();
        if (text[at] === ",") { at++; continue; }
        if (text[at++] === "]") return list;
        fail("',' or ']' expected");
      }
    }
    if (c === '"') return string();
    const number = token(/-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y);
    if (number !== null) return new NumberText(number);
    for (const [word, meaning] of [["true", true], ["false", false], ["null", null]]) {
      if (text.startsWith(word, at)) { at += word.length; return meaning; }
    }
    return fail("a value expected");
  };
  const result = value();
  space();
  if (at < text.length) fail("unexpected text");
  return result;
}

// JSON text of a value tree that may hold NumberText (written as its text, unquoted).
export function stringify(value, indent = "", step = "") {
  const next = indent + step;
  const newline = step ? "\n" : "";
  const colon = step ? ": " : ":";
  if (value instanceof NumberText) return value.text;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const parts = value.map((v) => next + stringify(v, next, step));
    return `[${newline}${parts.join(`,${newline}`)}${newline}${indent}]`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return "{}";
  const parts = keys.map((k) => `${next}${JSON.stringify(k)}${colon}${stringify(value[k], next, step)}`);
  return `{${newline}${parts.join(`,${newline}`)}${newline}${indent}}`;
}

const mapValues = (object, f) => {
  const out = Object.create(null);
  for (const key of Object.keys(object)) out[key] = f(object[key]);
  return out;
};

// One AttributeValue ({"S": "x"}) as a plain value.
export function toPlainValue(attribute) {
  const [type, v] = Object.entries(attribute)[0] ?? [];
  switch (type) {
    case "S": case "BOOL": return v;
    case "NULL": return null;
    case "N": return new NumberText(v instanceof NumberText ? v.text : v);
    case "B": return { $binary: v };
    case "SS": return { $set: v };
    case "NS": return { $set: v.map((n) => new NumberText(n instanceof NumberText ? n.text : n)) };
    case "BS": return { $set: v.map((b) => ({ $binary: b })) };
    case "L": return v.map(toPlainValue);
    case "M": return mapValues(v, toPlainValue);
    default: throw new TypeError(`not an AttributeValue: ${stringify(attribute)}`);
  }
}

const isBinary = (v) => v !== null && typeof v === "object" && Object.keys(v).length === 1 &&
                        typeof v.$binary === "string";

function setOf(members) {
  if (members.length === 0) throw new TypeError("a set cannot be empty");
  if (members.every((m) => typeof m === "string")) return { SS: members };
  if (members.every((m) => m instanceof NumberText)) return { NS: members.map((m) => m.text) };
  if (members.every(isBinary)) return { BS: members.map((m) => m.$binary) };
  throw new TypeError("a $set holds only strings, only numbers or only binaries");
}

// A plain value as an AttributeValue.
export function fromPlainValue(value) {
  if (value === null) return { NULL: true };
  if (typeof value === "boolean") return { BOOL: value };
  if (typeof value === "string") return { S: value };
  if (value instanceof NumberText) return { N: value.text };
  if (Array.isArray(value)) return { L: value.map(fromPlainValue) };
  if (isBinary(value)) return { B: value.$binary };
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === "$set" && Array.isArray(value.$set)) return setOf(value.$set);
  return { M: mapValues(value, fromPlainValue) };
}

// Whole items: {"name": AttributeValue} ⇄ {"name": plain value}.
export const toPlainItem = (item) => mapValues(item, toPlainValue);
export function fromPlainItem(plain) {
  if (plain === null || typeof plain !== "object" || Array.isArray(plain) || plain instanceof NumberText) {
    throw new TypeError("an item is a JSON object");
  }
  return mapValues(plain, fromPlainValue);
}

// A short text of one attribute value for a table cell: strings bare, the rest as plain JSON.
export function cellText(attribute) {
  const plain = toPlainValue(attribute);
  return typeof plain === "string" ? plain : stringify(plain);
}
