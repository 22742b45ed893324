// The server a client scenario talks to. EDDY_ENDPOINT=http://host:port names a running one (Amazon's
// DynamoDB Local included, to prove a scenario against the reference); otherwise the eddy binary
// (EDDY_BIN, default <repo>/build/eddy) is started in memory on a free loopback port and stopped
// with SIGTERM, after which it must exit 0.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";

const here = path.dirname(fileURLToPath(import.meta.url));
const eddyBin = process.env.EDDY_BIN || path.join(here, "..", "..", "..", "..", "build", "eddy");
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 10_000;

export const region = "us-east-1";
export const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };
// What every SDK v3 client of the scenarios is built with: one attempt, so that an error is seen as it is.
export const clientConfig = (endpoint) => ({ endpoint, region, credentials, maxAttempts: 1 });

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().on("error", reject).listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForListTables(endpoint, proc) {
  const client = new DynamoDBClient(clientConfig(endpoint));
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last;
  while (Date.now() < deadline) {
    if (proc && proc.exitCode !== null) throw new Error(`eddy exited with status ${proc.exitCode}`);
    try {
      await client.send(new ListTablesCommand({}));
      client.destroy();
      return;
    } catch (e) {
      last = e;
      await sleep(50);
    }
  }
  client.destroy();
  throw new Error(`${endpoint} did not answer ListTables within ${START_TIMEOUT_MS} ms: ${last}`);
}

// { endpoint, onEddy, stop() }: stop() resolves with eddy's exit status (0 for a server it did not start).
// `args`: more of eddy's flags (ignored with EDDY_ENDPOINT). The readiness check is signed with
// `credentials`, so `--credentials AKIDEXAMPLE:secret` suits it.
export async function startServer({ args = [] } = {}) {
  if (process.env.EDDY_ENDPOINT) {
    const endpoint = process.env.EDDY_ENDPOINT.replace(/\/$/, "");
    await waitForListTables(endpoint);
    return { endpoint, onEddy: process.env.EDDY_IS_EDDY === "1", stop: async () => 0 };
  }
  const port = await freePort();
  const proc = spawn(eddyBin, ["--host", "127.0.0.1", "--port", String(port), "--in-memory", ...args],
                     { stdio: ["ignore", "ignore", "inherit"] });
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitForListTables(endpoint, proc);
  } catch (e) {
    proc.kill("SIGKILL");
    throw e;
  }
  const stop = () => new Promise((resolve, reject) => {
    if (proc.exitCode !== null) return resolve(proc.exitCode);
    const timer = setTimeout(() => { proc.kill("SIGKILL"); reject(new Error("eddy did not stop")); }, STOP_TIMEOUT_MS);
    proc.once("exit", (code) => { clearTimeout(timer); resolve(code); });
    proc.kill("SIGTERM");
  });
  return { endpoint, onEddy: true, stop };
}

export const uniqueName = (prefix) => `${prefix}_${Math.random().toString(16).slice(2, 10)}`;

// The error a promise rejects with; fails when it resolves.
export async function errorOf(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error("expected an error, got a result");
}
