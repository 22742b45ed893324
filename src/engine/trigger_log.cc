// The trigger log's keys and verbs; the grammar is in trigger_log.h.
#include "engine/trigger_log.h"

#include "engine/key_codec.h"

namespace eddy::engine {
namespace {

constexpr char kMappingTag = 'M';
constexpr char kCheckpointTag = 'C';

std::string tagged(char tag) {
  std::string key(1, kTriggerPrefix);
  key.push_back(tag);
  return key;
}

std::string mapping_key(std::string_view uuid) { return tagged(kMappingTag) + std::string(uuid); }

// The 0x00 after the uuid keeps one mapping's checkpoints apart from a longer uuid's.
std::string checkpoints_of(std::string_view uuid) {
  std::string key = tagged(kCheckpointTag) + std::string(uuid);
  key.push_back('\0');
  return key;
}

std::string checkpoint_key(std::string_view uuid, std::string_view shard_id) {
  return checkpoints_of(uuid) + std::string(shard_id);
}

// The first key past every key that starts with `prefix`.
std::string past(std::string prefix) {
  prefix.push_back('\xff');
  return prefix;
}

Result<std::vector<std::pair<std::string, std::string>>> entries(const Storage& storage, const std::string& prefix) {
  std::vector<std::pair<std::string, std::string>> found;
  auto cursor = storage.cursor(prefix, past(prefix));
  for (cursor->seek_to_first(); cursor->valid(); cursor->next()) {
    found.emplace_back(std::string(cursor->key().substr(prefix.size())), std::string(cursor->value()));
  }
  if (auto read = cursor->status(); !read) return fail(read.error());
  return found;
}

}  // namespace

void TriggerLog::Changes::put_mapping(std::string_view uuid, std::string_view descriptor) {
  writes_.put(mapping_key(uuid), descriptor);
}
void TriggerLog::Changes::put_checkpoint(std::string_view uuid, std::string_view shard_id,
                                         std::string_view checkpoint) {
  writes_.put(checkpoint_key(uuid, shard_id), checkpoint);
}
void TriggerLog::Changes::remove_checkpoint(std::string_view uuid, std::string_view shard_id) {
  writes_.remove(checkpoint_key(uuid, shard_id));
}

Result<void> TriggerLog::write(Changes& changes) {
  if (changes.empty()) return {};
  return storage_.write(changes.writes_);
}

Result<std::vector<std::pair<std::string, std::string>>> TriggerLog::mappings() const {
  return entries(storage_, tagged(kMappingTag));
}

Result<std::vector<std::pair<std::string, std::string>>> TriggerLog::checkpoints(std::string_view uuid) const {
  return entries(storage_, checkpoints_of(uuid));
}

Result<void> TriggerLog::remove_mapping(std::string_view uuid) {
  auto found = checkpoints(uuid);
  if (!found) return fail(found.error());
  WriteSet writes;
  writes.remove(mapping_key(uuid));
  for (const auto& [shard_id, checkpoint] : *found) writes.remove(checkpoint_key(uuid, shard_id));
  return storage_.write(writes);
}

}  // namespace eddy::engine
