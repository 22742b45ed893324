// The state of streams and their shards (plain data), and its persisted JSON form.
//
// A stream belongs to one enabling of a table's stream (one StreamLabel). It has `lineages`
// parallel shard chains: a partition key always maps to the same lineage, so its records stay in
// one shard at a time and in order. A lineage's open shard is closed at rollover and continued by
// a child shard whose ParentShardId names it.
//
// Each shard also covers a range of partition hashes, [hash_low, hash_high] (Default: all of them).
// A split (the admin API's, as DynamoDB splits a busy shard) closes a shard and opens two children
// that share its lineage and halve its range, so a lineage may have several open shards, each
// partition key still in exactly one of them.
//
// Sequence positions: each shard reserves its StartingSequenceNumber (no record carries it);
// records of the shard have larger sequences; the shard's last record is `last_sequence` (equal
// to `starting_sequence` while the shard is empty). A closed shard's EndingSequenceNumber is its
// last_sequence at closing. Records below `trim_horizon` have been trimmed.
//
// Commit order: a sequence is handed out before its record's write and `pending` holds it until
// that write is over, so readers read no further than visible_sequence(): below every pending
// sequence. A reader that has seen sequence N therefore never sees a smaller one appear later,
// without any lock held across the write.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/table_definition.h"

namespace eddy::streams {

struct Shard {
  std::string shard_id;         // shardId-<20-digit creation ms>-<8 hex>
  std::string parent_shard_id;  // empty for the first shard of a lineage
  uint32_t number = 0;          // key component, increases with creation
  uint32_t lineage = 0;
  uint64_t starting_sequence = 0;
  bool closed = false;
  uint64_t last_sequence = 0;  // persisted as the EndingSequenceNumber once closed
  uint64_t trim_horizon = 0;   // lowest sequence that may still be stored
  double created_at = 0;
  double closed_at = 0;
  uint32_t hash_low = 0;  // the partition hashes it takes, inclusive
  uint32_t hash_high = UINT32_MAX;
  std::vector<uint64_t> pending;  // in memory: handed out, write not finished; ascending

  // The highest sequence up to which every record of the shard is committed (or failed).
  uint64_t visible_sequence() const { return pending.empty() ? last_sequence : pending.front() - 1; }
};

struct Stream {
  uint64_t id = 0;
  std::string arn;
  std::string table_name;
  uint64_t table_id = 0;  // the table's internal id (a re-created table gets a new one)
  std::string label;
  std::string view_type;
  std::string region;
  KeySchema key;
  double created_at = 0;
  bool enabled = true;
  double disabled_at = 0;
  uint32_t lineages = 1;
  uint64_t next_sequence = 1;  // in memory: recovered from the shards at start
  uint32_t next_shard_number = 0;
  std::vector<Shard> shards;  // ordered by number (= creation order)

  Shard* find_shard(std::string_view shard_id);
  // The open shard of `lineage` whose hash range holds `hash`; nullptr when none.
  Shard* open_shard(uint32_t lineage, uint32_t hash);
  // The lineage of a partition hash.
  uint32_t lineage_of(uint32_t hash) const { return hash % lineages; }
};

std::string encode_stream(const Stream& stream);  // without shards
std::optional<Stream> decode_stream(std::string_view json);
std::string encode_shard(const Shard& shard);
std::optional<Shard> decode_shard(std::string_view json);

// "shardId-00000001700000000000-abcdef12" for a shard created at `now`.
std::string new_shard_id(double now);
// Epoch seconds of a StreamLabel ("2026-11-24T14:55:12.345"), 0 when it does not parse.
double label_time(std::string_view label);

}  // namespace eddy::streams
