// How the page talks to eddy: DynamoDB's JSON API and Lambda's event-source-mapping API at this
// page's origin, signed with the access key, secret and region typed into the page (the namespace,
// docs/namespaces.md), and the admin API (/eddy/v1, docs/test-controls.md). Every call goes through
// eddy's normal request path.
import { signedHeaders } from "./sigv4.js";
import { stringify } from "./attribute_json.js";

// A refusal: DynamoDB's (or Lambda's) error type and message.
export class ApiError extends Error {
  constructor(type, message, status) {
    super(message);
    this.type = type;
    this.status = status;
  }
}

const stored = (name, fallback) => localStorage.getItem(`eddy.console.${name}`) ?? fallback;

// The credentials every call is signed with. Default: access key "eddy", region us-east-1, no
// secret: the shared tables (eddy's default namespace mode), without --credentials.
export const credentials = {
  accessKey: stored("accessKey", "eddy"),
  region: stored("region", "us-east-1"),
  secret: sessionStorage.getItem("eddy.console.secret") ?? "",
};

export function setCredentials({ accessKey, region, secret }) {
  Object.assign(credentials, { accessKey, region, secret });
  localStorage.setItem("eddy.console.accessKey", accessKey);
  localStorage.setItem("eddy.console.region", region);
  sessionStorage.setItem("eddy.console.secret", secret);
}

async function refusal(response) {
  const text = await response.text();
  let body = {};
  try { body = JSON.parse(text); } catch { /* not JSON: the text is the message */ }
  const type = (body.__type || response.headers.get("x-amzn-ErrorType") || `HTTP ${response.status}`)
    .split("#").pop().split(":")[0];
  return new ApiError(type, body.message ?? body.Message ?? text, response.status);
}

// One DynamoDB (or DynamoDB Streams) operation: its answer, or throws ApiError.
export async function dynamodb(operation, request, service = "DynamoDB_20120810") {
  const body = stringify(request);
  const headers = { "content-type": "application/x-amz-json-1.0", "x-amz-target": `${service}.${operation}` };
  const signed = await signedHeaders({ method: "POST", path: "/", headers, body }, credentials, "dynamodb");
  const response = await fetch("/", { method: "POST", headers: signed, body });
  if (!response.ok) throw await refusal(response);
  return response.json();
}

export const streams = (operation, request) => dynamodb(operation, request, "DynamoDBStreams_20120810");

// One call of Lambda's REST API (GET only here), signed for "lambda".
export async function lambda(path, query = {}) {
  const signed = await signedHeaders({ method: "GET", path, query, headers: {}, body: "" }, credentials, "lambda");
  const search = new URLSearchParams(query).toString();
  const response = await fetch(search ? `${path}?${search}` : path, { headers: signed });
  if (!response.ok) throw await refusal(response);
  return response.json();
}

// One call of the admin API: { status, body }.
export async function admin(method, path) {
  const response = await fetch(`/eddy/v1/${path}`, { method });
  return { status: response.status, body: await response.json() };
}
