// AWS Signature Version 4 in the browser, with SubtleCrypto's SHA-256 and HMAC
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html). eddy checks the
// signature only when started with --credentials; otherwise it needs only the header's shape, whose
// credential scope names the namespace (access key and region). SubtleCrypto exists only in a
// secure context (http://localhost, http://127.0.0.1, or HTTPS).
const encoder = new TextEncoder();

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function sha256(text) {
  return hex(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

async function hmac(key, text) {
  const imported = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", imported, encoder.encode(text)));
}

// RFC 3986 encoding, as SigV4's canonical query string wants it.
function uriEncode(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// "20260101T120000Z"
export function amzDate(date) {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

// The headers to send for `request` ({ method, path, query: {name: value}, headers: {lower-case
// name: value}, body }), signed with `credentials` ({ accessKey, secret, region }) for `service`:
// the request's own headers plus X-Amz-Date and Authorization. Host is signed as the browser will
// send it (this page's host, unless the request's headers name one), and left out of the answer:
// the browser sends it.
export async function signedHeaders(request, credentials, service, now = new Date()) {
  const date = amzDate(now);
  const headers = { host: request.headers.host ?? location.host, ...request.headers, "x-amz-date": date };
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((name) => `${name}:${String(headers[name]).trim().replace(/\s+/g, " ")}\n`)
    .join("");
  const query = Object.entries(request.query || {})
    .map(([name, value]) => `${uriEncode(name)}=${uriEncode(value)}`)
    .sort()
    .join("&");
  const scope = `${date.slice(0, 8)}/${credentials.region}/${service}/aws4_request`;
  delete headers.host;
  const authorization = (signature) =>
    `AWS4-HMAC-SHA256 Credential=${credentials.accessKey}/${scope}, SignedHeaders=${names.join(";")}, ` +
    `Signature=${signature}`;
  if (!globalThis.crypto?.subtle) {
    // Not a secure context: a header of the right shape, which eddy without --credentials accepts.
    return { ...headers, authorization: authorization("0".repeat(64)) };
  }
  const canonical = [request.method, request.path, query, canonicalHeaders, names.join(";"),
                     await sha256(request.body || "")].join("\n");
  const toSign = ["AWS4-HMAC-SHA256", date, scope, await sha256(canonical)].join("\n");
  let key = await hmac(encoder.encode(`AWS4${credentials.secret}`), date.slice(0, 8));
  for (const part of [credentials.region, service, "aws4_request"]) key = await hmac(key, part);
  return { ...headers, authorization: authorization(hex(await hmac(key, toSign))) };
}
