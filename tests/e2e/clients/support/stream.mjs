// Reading a table's stream back with the AWS SDK v3's DynamoDB Streams client, for the scenarios of
// clients that have no stream API of their own. Records keep their order within a shard, which is
// the only order DynamoDB Streams promises; `eventsByKey` checks each item's history in that order.
import {
  DynamoDBStreamsClient, DescribeStreamCommand, GetShardIteratorCommand, GetRecordsCommand,
} from "@aws-sdk/client-dynamodb-streams";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { clientConfig } from "./eddy.mjs";

const READ_TIMEOUT_MS = 5_000;

async function shardsOf(client, streamArn) {
  let shards = [];
  let start;
  do {
    const { StreamDescription: d } = await client.send(
      new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }));
    shards = shards.concat(d.Shards);
    start = d.LastEvaluatedShardId;
  } while (start);
  return shards;
}

async function readShard(client, streamArn, shardId) {
  let iterator = (await client.send(new GetShardIteratorCommand({
    StreamArn: streamArn, ShardId: shardId, ShardIteratorType: "TRIM_HORIZON" }))).ShardIterator;
  let records = [];
  while (iterator) {
    const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator }));
    records = records.concat(page.Records);
    // An open shard always hands back a next iterator; an empty page means we are at its end.
    iterator = page.Records.length ? page.NextShardIterator : undefined;
  }
  return records;
}

// Every record of the stream, shard by shard, polled until there are at least `count` of them.
export async function readStream(endpoint, streamArn, count) {
  const client = new DynamoDBStreamsClient(clientConfig(endpoint));
  const deadline = Date.now() + READ_TIMEOUT_MS;
  let records = [];
  try {
    do {
      records = [];
      for (const shard of await shardsOf(client, streamArn)) {
        records = records.concat(await readShard(client, streamArn, shard.ShardId));
      }
    } while (records.length < count && Date.now() < deadline);
  } finally {
    client.destroy();
  }
  return records;
}

// { "<key>": ["INSERT", "MODIFY", ...] } with key = keyOf(unmarshalled Keys).
export function eventsByKey(records, keyOf) {
  const events = {};
  for (const record of records) {
    const key = keyOf(unmarshall(record.dynamodb.Keys));
    (events[key] ??= []).push(record.eventName);
  }
  return events;
}

// The images of a record as plain objects: { oldImage, newImage } (undefined where absent).
export function imagesOf(record) {
  const { OldImage, NewImage } = record.dynamodb;
  return { oldImage: OldImage && unmarshall(OldImage), newImage: NewImage && unmarshall(NewImage) };
}
