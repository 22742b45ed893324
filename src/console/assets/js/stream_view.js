// The live view of a table's stream: DescribeStream, a LATEST iterator on every open shard,
// GetRecords on each about once a second, and a closed shard's children followed from their
// start. Each record shows its eventName, keys, and OldImage and NewImage side by side, with the
// attributes the change added, removed or changed marked.
import { dynamodb, streams } from "./api.js";
import { cellText, stringify, toPlainValue } from "./attribute_json.js";
import { h, show, errorText } from "./dom.js";

const POLL_MS = 1000;
const SHOWN_RECORDS = 200;

async function describeShards(StreamArn) {
  const shards = [];
  let start;
  do {
    const { StreamDescription } = await streams("DescribeStream",
                                                start ? { StreamArn, ExclusiveStartShardId: start } : { StreamArn });
    shards.push(...StreamDescription.Shards);
    start = StreamDescription.LastEvaluatedShardId;
  } while (start);
  return shards;
}

// Sequence numbers are decimal strings of up to 40 digits: compared as numbers, not as text.
const bySequence = (a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

// name -> "added" | "removed" | "changed" | "same", for every attribute of either image.
export function changes(oldImage = {}, newImage = {}) {
  const out = {};
  for (const name of new Set([...Object.keys(oldImage), ...Object.keys(newImage)])) {
    if (!(name in oldImage)) out[name] = "added";
    else if (!(name in newImage)) out[name] = "removed";
    else out[name] = stringify(toPlainValue(oldImage[name])) === stringify(toPlainValue(newImage[name]))
      ? "same" : "changed";
  }
  return out;
}

function imageTable(title, image, marks) {
  if (!image) return h("div", { class: "image empty" }, h("h4", {}, title), "—");
  return h("div", { class: "image" }, h("h4", {}, title),
    h("table", { class: "grid" }, h("tbody", {}, Object.keys(image).sort().map((name) =>
      h("tr", { class: marks[name], dataset: { attribute: name } },
        h("th", {}, name), h("td", {}, cellText(image[name])))))));
}

function recordCard(record) {
  const { Keys, OldImage, NewImage, SequenceNumber, ApproximateCreationDateTime } = record.dynamodb;
  const marks = changes(OldImage, NewImage);
  const keyText = Object.keys(Keys).sort().map((k) => `${k}=${cellText(Keys[k])}`).join(", ");
  const when = ApproximateCreationDateTime ? new Date(ApproximateCreationDateTime * 1000).toISOString() : "";
  return h("article", { class: `record ${record.eventName}`, dataset: { event: record.eventName, keys: keyText } },
    h("header", {}, h("strong", { class: "event-name" }, record.eventName), " ", h("span", { class: "keys" }, keyText),
      h("span", { class: "sequence" }, ` #${SequenceNumber} ${when}`)),
    h("div", { class: "images" }, imageTable("OldImage", OldImage, marks), imageTable("NewImage", NewImage, marks)));
}

export async function showStream(view, tableName) {
  const { Table } = await dynamodb("DescribeTable", { TableName: tableName });
  const status = h("p", { id: "stream-status", class: "status" }, "Opening the stream…");
  const list = h("div", { id: "records" });
  show(view, h("h2", {}, `Stream of ${tableName}`),
    h("p", { class: "subtitle" }, Table.StreamSpecification?.StreamViewType ?? "no stream", " · ",
      h("a", { href: `#/tables/${encodeURIComponent(tableName)}/items` }, "items")),
    status, list);
  const arn = Table.LatestStreamArn;
  if (!arn || !Table.StreamSpecification?.StreamEnabled) {
    status.textContent = "This table has no enabled stream.";
    return () => {};
  }
  const iterators = new Map();  // shard id -> its next iterator
  const followed = new Set();
  let stopped = false;
  let timer;
  let seen = 0;

  async function follow(shards, type) {
    for (const shard of shards) {
      if (followed.has(shard.ShardId)) continue;
      followed.add(shard.ShardId);
      const { ShardIterator } = await streams("GetShardIterator",
                                              { StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: type });
      iterators.set(shard.ShardId, ShardIterator);
    }
  }
  // Shows one round's records of every shard, oldest first, so that the newest ends on top (those
  // read before a failure too: their shards' iterators have moved past them).
  function showRecords(read) {
    read.sort((a, b) => bySequence(a.dynamodb.SequenceNumber, b.dynamodb.SequenceNumber));
    for (const record of read) list.prepend(recordCard(record));
    seen += read.length;
    while (list.childElementCount > SHOWN_RECORDS) list.lastElementChild.remove();
  }
  async function poll() {
    const read = [];
    try {
      for (const [shardId, iterator] of [...iterators]) {
        const answer = await streams("GetRecords", { ShardIterator: iterator, Limit: 1000 });
        read.push(...answer.Records);
        if (answer.NextShardIterator) {
          iterators.set(shardId, answer.NextShardIterator);
        } else {
          iterators.delete(shardId);  // closed: its children carry on, from their first record
          const children = (await describeShards(arn)).filter((s) => s.ParentShardId === shardId);
          await follow(children, "TRIM_HORIZON");
        }
      }
      showRecords(read);
      status.textContent = `Following ${iterators.size} shard${iterators.size === 1 ? "" : "s"}; ` +
                           `${seen} record${seen === 1 ? "" : "s"} since opened.`;
      status.classList.remove("error");
    } catch (error) {
      showRecords(read);
      status.textContent = errorText(error);
      status.classList.add("error");
    }
    if (!stopped) timer = setTimeout(poll, POLL_MS);
  }

  try {
    const open = (await describeShards(arn)).filter((s) => !s.SequenceNumberRange.EndingSequenceNumber);
    await follow(open, "LATEST");
  } catch (error) {
    status.textContent = errorText(error);
    status.classList.add("error");
    return () => {};
  }
  await poll();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
