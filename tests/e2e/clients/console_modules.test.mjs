// The console's modules that need no page (src/console/assets/js/): the item formats of
// attribute_json.js, converted both ways without losing a digit, and sigv4.js against AWS's
// Signature Version 4 test suite (the vectors of tests/unit/auth/sigv4_test.cc).
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseJson, stringify, toPlainItem, fromPlainItem, cellText, NumberText }
  from "../../../src/console/assets/js/attribute_json.js";
import { signedHeaders, amzDate } from "../../../src/console/assets/js/sigv4.js";

const item = {
  pk: { S: "a" }, big: { N: "-12345678901234567890123456789012345678" }, small: { N: "1E-130" },
  flag: { BOOL: true }, nothing: { NULL: true }, bytes: { B: "AAEC" },
  names: { SS: ["x", "y"] }, numbers: { NS: ["1.50", "2"] }, blobs: { BS: ["AA==", "AQ=="] },
  list: { L: [{ S: "s" }, { N: "3" }, { M: { inner: { BOOL: false } } }] }, empty: { M: {} },
};

test("an item goes to plain JSON and back unchanged, every digit kept", () => {
  const plain = stringify(toPlainItem(item), "", "  ");
  assert.match(plain, /"big": -12345678901234567890123456789012345678,/);
  assert.match(plain, /"small": 1E-130,/);
  assert.match(plain, /"numbers": \{\n {4}"\$set": \[\n {6}1\.50,\n {6}2\n {4}\]/);
  assert.match(plain, /"bytes": \{\n {4}"\$binary": "AAEC"\n {2}\}/);
  const back = fromPlainItem(parseJson(plain));
  assert.equal(stringify(back), stringify(item));
  assert.deepEqual(JSON.parse(stringify(back)), item);
});

test("plain JSON's spellings: sets by their members' kind, binaries, nested values", () => {
  const converted = fromPlainItem(parseJson(`{"s": {"$set": ["a"]}, "n": {"$set": [1, 2.5]},
    "b": {"$set": [{"$binary": "AA=="}]}, "one": {"$binary": "AQ=="}, "m": {"$set": 1, "x": [true, null]},
    "__proto__": "kept"}`));
  assert.deepEqual(JSON.parse(stringify(converted)), {
    s: { SS: ["a"] }, n: { NS: ["1", "2.5"] }, b: { BS: ["AA=="] }, one: { B: "AQ==" },
    m: { M: { $set: { N: "1" }, x: { L: [{ BOOL: true }, { NULL: true }] } } }, ["__proto__"]: { S: "kept" },
  });
  assert.equal(Object.getPrototypeOf(converted), null);
});

test("what plain JSON cannot convert is refused with a reason", () => {
  assert.throws(() => fromPlainItem(parseJson('{"s": {"$set": []}}')), /a set cannot be empty/);
  assert.throws(() => fromPlainItem(parseJson('{"s": {"$set": ["a", 1]}}')), /only strings, only numbers/);
  assert.throws(() => fromPlainItem(parseJson("[1]")), /an item is a JSON object/);
  assert.throws(() => parseJson('{"a": 1,}'), /a string expected at character 9/);
  assert.throws(() => parseJson('{"a": 01}'), /',' or '}' expected/);
  assert.throws(() => parseJson("{} x"), /unexpected text at character 4/);
  assert.throws(() => toPlainItem({ a: { Q: "1" } }), /not an AttributeValue/);
});

test("parseJson keeps numbers as their text and reads what JSON.parse reads", () => {
  const parsed = parseJson(' {"n": [0, -0.5e+10, 123456789012345678901234567890], "s": "\\u00e9\\n", "t": true} ');
  assert.ok(parsed.n.every((n) => n instanceof NumberText));
  assert.deepEqual(parsed.n.map((n) => n.text), ["0", "-0.5e+10", "123456789012345678901234567890"]);
  assert.equal(parsed.s, "é\n");
  assert.equal(parsed.t, true);
});

test("cells show strings bare and the rest as plain JSON", () => {
  assert.equal(cellText({ S: "PENDING" }), "PENDING");
  assert.equal(cellText({ N: "10" }), "10");
  assert.equal(cellText({ SS: ["a", "b"] }), '{"$set":["a","b"]}');
  assert.equal(cellText({ M: { a: { S: "b" } } }), '{"a":"b"}');
});

// AWS's test suite: AKIDEXAMPLE, 20150830T123600Z, us-east-1, service "service".
const awsCredentials = { accessKey: "AKIDEXAMPLE", secret: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                         region: "us-east-1" };
const at = new Date(Date.UTC(2015, 7, 30, 12, 36, 0));
const host = "example.amazonaws.com";

test("sigv4 signs AWS's test requests as the test suite does", async () => {
  assert.equal(amzDate(at), "20150830T123600Z");
  const cases = [
    [{ method: "GET", path: "/", headers: { host }, body: "" }, "host;x-amz-date",
     "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"],
    [{ method: "POST", path: "/", query: { Param1: "value1" }, headers: { host }, body: "" }, "host;x-amz-date",
     "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"],
    [{ method: "POST", path: "/", headers: { host, "content-type": "application/x-www-form-urlencoded" },
       body: "Param1=value1" }, "content-type;host;x-amz-date",
     "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"],
    [{ method: "GET", path: "/", headers: { host, "my-header1": " value1", "my-header2": ' "a   b   c"' }, body: "" },
     "host;my-header1;my-header2;x-amz-date", "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"],
  ];
  for (const [request, signed, signature] of cases) {
    const headers = await signedHeaders(request, awsCredentials, "service", at);
    assert.equal(headers.authorization, "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/" +
                 `aws4_request, SignedHeaders=${signed}, Signature=${signature}`);
    assert.equal(headers["x-amz-date"], "20150830T123600Z");
    assert.equal(headers.host, undefined);  // the browser sends it
  }
});
