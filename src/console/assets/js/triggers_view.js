// Trigger deliveries: every event source mapping of the namespace (Lambda's
// ListEventSourceMappings at this origin, docs/triggers.md) with its state, last processing
// result and eddy's progress (position and lag per shard), and whether it has delivered everything
// its stream holds (the admin API's trigger wait, docs/test-controls.md), refreshed every few seconds.
import { admin, lambda } from "./api.js";
import { h, show, errorText } from "./dom.js";

const REFRESH_MS = 3000;

async function listMappings() {
  const mappings = [];
  let marker;
  do {
    const page = await lambda("/2015-03-31/event-source-mappings/", marker ? { Marker: marker } : {});
    mappings.push(...page.EventSourceMappings);
    marker = page.NextMarker;
  } while (marker);
  return mappings;
}

async function delivered(uuid) {
  const { status } = await admin("GET", `triggers/${encodeURIComponent(uuid)}/wait?timeout_ms=1`);
  if (status === 200) return "everything";
  if (status === 408) return "records left";
  return status === 403 ? "(admin API refused)" : `(HTTP ${status})`;
}

// arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL -> NAME
const tableOf = (mapping) => mapping.EddyProgress?.TableName || mapping.EventSourceArn.split("/")[1];

function row(mapping, deliveredText) {
  const progress = mapping.EddyProgress ?? {};
  const shards = (progress.Shards ?? []).map((s) =>
    h("li", {}, `${s.ShardId}: ${s.Finished ? "finished" : `lag ${s.LagRecords} records, ${s.LagSeconds} s`}`));
  return h("tr", { dataset: { uuid: mapping.UUID } },
    h("td", {}, mapping.UUID),
    h("td", { class: "table", title: mapping.EventSourceArn }, tableOf(mapping)),
    h("td", {}, mapping.FunctionArn ?? mapping.FunctionName ?? ""),
    h("td", { class: "state" }, mapping.State),
    h("td", { class: "last-result" }, mapping.LastProcessingResult ?? ""),
    h("td", { class: "batch" }, String(mapping.BatchSize)),
    h("td", { class: "lag" }, `${progress.LagRecords ?? 0} records${progress.Busy ? ", a batch on its way" : ""}`,
      h("ul", { class: "shards" }, shards)),
    h("td", { class: "delivered" }, deliveredText));
}

export async function showTriggers(view) {
  const status = h("p", { id: "triggers-status", class: "status" }, "Loading event source mappings…");
  const body = h("tbody");
  const head = ["UUID", "Table", "Function", "State", "Last result", "Batch", "Lag", "Delivered"]
    .map((t) => h("th", {}, t));
  show(view, h("h2", {}, "Trigger deliveries"), status,
    h("table", { id: "triggers", class: "grid" }, h("thead", {}, h("tr", {}, head)), body));
  let stopped = false;
  let timer;
  async function refresh() {
    try {
      const mappings = await listMappings();
      const rows = await Promise.all(mappings.map(async (m) => row(m, await delivered(m.UUID))));
      show(body, rows);
      status.textContent = `${mappings.length} mapping${mappings.length === 1 ? "" : "s"}`;
      status.classList.remove("error");
    } catch (error) {
      status.textContent = errorText(error);
      status.classList.add("error");
    }
    if (!stopped) timer = setTimeout(refresh, REFRESH_MS);
  }
  await refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
