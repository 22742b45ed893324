// StreamService: change capture and the stream lifecycle (creation on first use of a table's
// stream label, disabling when the table's stream is switched off or the table is deleted).
// Streams follow the catalog lazily: a table's StreamSpecification is the truth, and every entry
// point reconciles the streams with it, so that no DDL code needs to call into streams.
#include "streams/stream_service.h"

#include <spdlog/spdlog.h>

#include "engine/key_codec.h"
#include "streams/stream_keys.h"
#include "streams/stream_record.h"

namespace eddy::streams {

StreamService::StreamService(engine::Database& database, const Clock& clock, StreamOptions options)
    : database_(database), clock_(clock), options_(options) {
  if (options_.shards == 0) options_.shards = 1;
}

void StreamService::on_change(const engine::ItemChange& change, engine::CommitContext& context) {
  const TableDefinition& table = *change.table;
  if (!table.stream.enabled) return;
  const std::optional<Item>& old_item = *change.old_item;
  const std::optional<Item>& new_item = *change.new_item;
  if (!old_item && !new_item) return;
  if (old_item && new_item && *old_item == *new_item) return;  // nothing changed: no record
  bool holding = false;
  for (const auto& lock : context.locks) holding = holding || lock.mutex() == &commit_mutex_;
  if (!holding) context.locks.emplace_back(commit_mutex_);

  std::lock_guard<std::mutex> lock(mutex_);
  Stream* stream = stream_for_table_locked(table);
  if (stream == nullptr || !stream->enabled) return;
  const Item& any = new_item ? *new_item : *old_item;
  uint32_t lineage = engine::partition_hash(engine::encode_partition(table.key, any)) % stream->lineages;
  Shard* shard = stream->open_shard(lineage);
  if (shard == nullptr) return;
  uint64_t sequence = stream->next_sequence++;
  shard->last_sequence = sequence;
  double now = clock_.now();
  RecordInput input{&table.key, change.old_item, change.new_item, change.expired_by_ttl,
                    stream->view_type, stream->region, sequence, now};
  context.writes.put(record_key(stream->id, shard->number, sequence),
                     record_value(static_cast<uint64_t>(now * 1000), render_record(input)));
}

Stream* StreamService::find_locked(const std::string& arn) {
  for (auto& [id, stream] : streams_) {
    if (stream.arn == arn) return &stream;
  }
  return nullptr;
}

Stream* StreamService::stream_for_table_locked(const TableDefinition& table) {
  Stream* stream = find_locked(table.stream_arn());
  if (stream != nullptr) return stream->table_id == table.id ? stream : nullptr;
  return &create_locked(table);
}

Stream& StreamService::create_locked(const TableDefinition& table) {
  double now = clock_.now();
  // A new stream of a table replaces its previous one (re-enabled, or the table re-created).
  for (auto& [id, other] : streams_) {
    if (other.enabled && other.table_name == table.name) disable_locked(other, now);
  }
  Stream stream;
  stream.id = database_.storage().next_id();
  stream.arn = table.stream_arn();
  stream.table_name = table.name;
  stream.table_id = table.id;
  stream.label = table.stream.label;
  stream.view_type = table.stream.view_type;
  stream.region = table.region;
  stream.key = table.key;
  double labelled = label_time(table.stream.label);
  stream.created_at = labelled > 0 ? labelled : now;
  stream.lineages = static_cast<uint32_t>(options_.shards);
  engine::WriteSet writes;
  writes.put(stream_key(stream.id), encode_stream(stream));
  for (uint32_t lineage = 0; lineage < stream.lineages; ++lineage) {
    add_shard_locked(stream, lineage, "", stream.created_at, writes);
  }
  if (auto written = database_.storage().write(writes); !written) {
    spdlog::error("stream {}: cannot persist: {}", stream.arn, written.error().message);
  }
  uint64_t id = stream.id;
  return streams_[id] = std::move(stream);
}

Shard& StreamService::add_shard_locked(Stream& stream, uint32_t lineage, const std::string& parent, double now,
                                       engine::WriteSet& writes) {
  Shard shard;
  shard.shard_id = new_shard_id(now);
  shard.parent_shard_id = parent;
  shard.number = stream.next_shard_number++;
  shard.lineage = lineage;
  shard.starting_sequence = stream.next_sequence++;
  shard.last_sequence = shard.starting_sequence;
  shard.trim_horizon = shard.starting_sequence;
  shard.created_at = now;
  writes.put(shard_key(stream.id, shard.number), encode_shard(shard));
  stream.shards.push_back(std::move(shard));
  return stream.shards.back();
}

void StreamService::disable_locked(Stream& stream, double now) {
  stream.enabled = false;
  stream.disabled_at = now;
  engine::WriteSet writes;
  writes.put(stream_key(stream.id), encode_stream(stream));
  for (auto& shard : stream.shards) {
    if (shard.closed) continue;
    // Closing needs no commit lock: a record that got its sequence but is still being written
    // is below last_sequence, so readers keep reading until they have it.
    shard.closed = true;
    shard.closed_at = now;
    writes.put(shard_key(stream.id, shard.number), encode_shard(shard));
  }
  if (auto written = database_.storage().write(writes); !written) {
    spdlog::error("stream {}: cannot persist: {}", stream.arn, written.error().message);
  }
}

void StreamService::reconcile_stream_locked(Stream& stream) {
  if (!stream.enabled) return;
  engine::TablePtr table = database_.catalog().find(stream.table_name);
  if (table == nullptr || table->id != stream.table_id || !table->stream.enabled ||
      table->stream.label != stream.label) {
    disable_locked(stream, clock_.now());
  }
}

void StreamService::reconcile_locked() {
  auto& catalog = database_.catalog();
  for (auto& [id, stream] : streams_) reconcile_stream_locked(stream);
  for (const auto& table : catalog.tables()) {
    if (table->stream.enabled && find_locked(table->stream_arn()) == nullptr) create_locked(*table);
  }
}

void StreamService::persist(const Stream& stream, const Shard* only_shard) {
  engine::WriteSet writes;
  if (only_shard != nullptr) {
    writes.put(shard_key(stream.id, only_shard->number), encode_shard(*only_shard));
  } else {
    writes.put(stream_key(stream.id), encode_stream(stream));
    for (const auto& shard : stream.shards) writes.put(shard_key(stream.id, shard.number), encode_shard(shard));
  }
  if (auto written = database_.storage().write(writes); !written) {
    spdlog::error("stream {}: cannot persist: {}", stream.arn, written.error().message);
  }
}

}  // namespace eddy::streams
