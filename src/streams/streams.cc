// Streams: change capture and the stream lifecycle (creation on first use of a table's
// stream label, disabling when the table's stream is switched off or the table is deleted).
// Streams follow the catalog lazily: a table's StreamSpecification is the truth, and every entry
// point reconciles the streams with it, so that no DDL code needs to call into streams.
#include "streams/streams.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "model/result.h"
#include "streams/stream_record.h"

namespace eddy::streams {

Streams::Streams(engine::Database& database, const Clock& clock, StreamOptions options)
    : database_(database), log_(database.stream_log()), clock_(clock), options_(options) {
  if (options_.shards == 0) options_.shards = 1;
}

Result<void> Streams::on_change(const engine::ItemChange& change, engine::CommitContext& context) {
  const TableDefinition& table = *change.table;
  if (!table.stream.enabled) return {};
  const std::optional<Item>& old_item = *change.old_item;
  const std::optional<Item>& new_item = *change.new_item;
  if (!old_item && !new_item) return {};
  if (old_item && new_item && *old_item == *new_item) return {};  // nothing changed: no record

  // Everything but the sequence number is done before any lock: the record is rendered from the
  // table's definition, whose stream (same label) has the same view type and region.
  double now = clock_.now();
  std::size_t sequence_at = 0;
  RecordInput input{
      &table.key, change.old_item, change.new_item, change.expired_by_ttl, table.stream.view_type, table.region, now};
  std::string json = render_record(input, sequence_at);
  uint32_t hash = engine::partition_hash_of(table.key, new_item ? *new_item : *old_item);
  std::string arn = table.stream_arn();

  std::optional<RecordSlot> slot;
  bool known = false;
  {
    std::shared_lock shared(mutex_);
    if (LiveStream* live = live_stream_locked(arn, table.id)) {
      known = true;
      slot = assign_sequence_locked(*live, hash);
    }
  }
  if (!known) {
    // The first record of a new stream label creates the stream.
    std::unique_lock exclusive(mutex_);
    EDDY_TRY_VOID(stream_for_table_locked(table));
    if (LiveStream* live = live_stream_locked(arn, table.id)) slot = assign_sequence_locked(*live, hash);
  }
  if (!slot) return {};
  set_record_sequence(json, sequence_at, slot->sequence);
  engine::StreamLog::append(context, slot->stream_id, slot->shard_number, slot->sequence,
                            static_cast<uint64_t>(now * 1000), json);
  context.on_finish([this, finished = *slot](bool committed) { finish_record(finished, committed); });
  return {};
}

std::optional<Streams::RecordSlot> Streams::assign_sequence_locked(LiveStream& live, uint32_t hash) {
  Stream& stream = live.stream;
  if (!stream.enabled) return std::nullopt;
  // The shard list and the shards' open/closed state change only under the exclusive lock.
  Shard* shard = stream.open_shard(stream.lineage_of(hash), hash);
  if (shard == nullptr) return std::nullopt;
  std::lock_guard<std::mutex> order(live.sequencing);
  uint64_t sequence = stream.next_sequence++;
  shard->last_sequence = sequence;
  shard->pending.push_back(sequence);
  return RecordSlot{stream.id, shard->number, sequence};
}

void Streams::finish_record(const RecordSlot& slot, bool committed) {
  {
    std::shared_lock shared(mutex_);
    auto found = streams_.find(slot.stream_id);
    if (found == streams_.end()) return;
    LiveStream& live = found->second;
    std::lock_guard<std::mutex> order(live.sequencing);
    for (auto& shard : live.stream.shards) {
      if (shard.number != slot.shard_number) continue;
      auto pending = std::find(shard.pending.begin(), shard.pending.end(), slot.sequence);
      if (pending != shard.pending.end()) shard.pending.erase(pending);
    }
    if (committed) live.committed->fetch_add(1, std::memory_order_release);
  }
  // Outside the locks: the listener may read committed_records().
  if (committed && watching_.load(std::memory_order_acquire)) commit_listener_();
  // Outside the locks: the record is readable now (triggers/ waits for it).
  if (record_listener_) record_listener_();
}

Streams::LiveStream* Streams::live_stream_locked(const std::string& arn, uint64_t table_id) {
  for (auto& [id, live] : streams_) {
    if (live.stream.arn == arn) return live.stream.table_id == table_id ? &live : nullptr;
  }
  return nullptr;
}

Stream* Streams::find_locked(const std::string& arn) {
  for (auto& [id, live] : streams_) {
    if (live.stream.arn == arn) return &live.stream;
  }
  return nullptr;
}

Result<Stream*> Streams::stream_for_table_locked(const TableDefinition& table) {
  Stream* stream = find_locked(table.stream_arn());
  if (stream != nullptr) return stream->table_id == table.id ? stream : nullptr;
  return create_locked(table);
}

Result<Stream*> Streams::create_locked(const TableDefinition& table) {
  double now = clock_.now();
  EDDY_TRY(uint64_t id, database_.next_id());
  // A new stream of a table replaces its previous one (re-enabled, or the table re-created).
  for (auto& [other_id, other] : streams_) {
    if (other.stream.enabled && other.stream.table_name == table.name) disable_locked(other.stream, now);
  }
  Stream stream;
  stream.id = id;
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
  engine::StreamLog::Changes changes;
  changes.put_stream(stream.id, encode_stream(stream));
  for (uint32_t lineage = 0; lineage < stream.lineages; ++lineage) {
    add_shard_locked(stream, lineage, "", stream.created_at, changes);
  }
  // Not persisted, the stream is not created: its first record's item write fails with it.
  EDDY_TRY_VOID(log_.write(changes));
  return &add_live_locked(std::move(stream)).stream;
}

Streams::LiveStream& Streams::add_live_locked(Stream stream) {
  auto& counter = committed_[stream.table_name];
  if (counter == nullptr) counter = std::make_shared<std::atomic<uint64_t>>(0);
  LiveStream& live = streams_[stream.id];
  live.stream = std::move(stream);
  live.committed = counter;
  return live;
}

Shard& Streams::add_shard_locked(Stream& stream, uint32_t lineage, const std::string& parent, double now,
                                 engine::StreamLog::Changes& changes, uint32_t hash_low, uint32_t hash_high) {
  Shard shard;
  shard.hash_low = hash_low;
  shard.hash_high = hash_high;
  shard.shard_id = new_shard_id(now);
  shard.parent_shard_id = parent;
  shard.number = stream.next_shard_number++;
  shard.lineage = lineage;
  shard.starting_sequence = stream.next_sequence++;
  shard.last_sequence = shard.starting_sequence;
  shard.trim_horizon = shard.starting_sequence;
  shard.created_at = now;
  changes.put_shard(stream.id, shard.number, encode_shard(shard));
  stream.shards.push_back(std::move(shard));
  return stream.shards.back();
}

void Streams::disable_locked(Stream& stream, double now) {
  stream.enabled = false;
  stream.disabled_at = now;
  engine::StreamLog::Changes changes;
  changes.put_stream(stream.id, encode_stream(stream));
  for (auto& shard : stream.shards) {
    if (shard.closed) continue;
    // Closing needs no wait for writes: a record that got its sequence but is still being written
    // is pending below last_sequence, so readers keep reading until they have it.
    shard.closed = true;
    shard.closed_at = now;
    changes.put_shard(stream.id, shard.number, encode_shard(shard));
  }
  write_changes(stream, changes, "cannot persist");
}

bool Streams::outdated_locked(const Stream& stream) const {
  if (!stream.enabled) return false;
  engine::TablePtr table = database_.catalog().find(stream.table_name);
  return table == nullptr || table->id != stream.table_id || !table->stream.enabled ||
         table->stream.label != stream.label;
}

void Streams::reconcile_stream_locked(Stream& stream) {
  if (outdated_locked(stream)) disable_locked(stream, clock_.now());
}

void Streams::reconcile_locked() {
  auto& catalog = database_.catalog();
  for (auto& [id, live] : streams_) reconcile_stream_locked(live.stream);
  for (const auto& table : catalog.tables()) {
    if (!table->stream.enabled || find_locked(table->stream_arn()) != nullptr) continue;
    // Logged only: the stream is created again at the next reconciliation or the table's next write.
    if (auto created = create_locked(*table); !created) {
      spdlog::error("stream of {}: cannot create: {}", table->name, created.error().message);
    }
  }
}

void Streams::persist(const Stream& stream, const Shard* only_shard) {
  engine::StreamLog::Changes changes;
  if (only_shard != nullptr) {
    changes.put_shard(stream.id, only_shard->number, encode_shard(*only_shard));
  } else {
    changes.put_stream(stream.id, encode_stream(stream));
    for (const auto& shard : stream.shards) changes.put_shard(stream.id, shard.number, encode_shard(shard));
  }
  write_changes(stream, changes, "cannot persist");
}

void Streams::write_changes(const Stream& stream, engine::StreamLog::Changes& changes, const char* what) {
  if (auto written = log_.write(changes); !written) {
    spdlog::error("stream {}: {}: {}", stream.arn, what, written.error().message);
  }
}

}  // namespace eddy::streams
