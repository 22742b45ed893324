// The backups' keys and verbs; the grammar is in backups.h.
#include "engine/backups.h"

#include "engine/catalog_codec.h"
#include "engine/item_codec.h"
#include "engine/json_fields.h"
#include "engine/key_codec.h"
#include "model/result.h"

namespace eddy::engine {
namespace {

constexpr char kDescriptorTag = 'D';
constexpr char kItemTag = 'I';
constexpr std::size_t kItemsPerBatch = 1000;
constexpr std::size_t kTableKeyHead = 9;  // 'i' table_id:u64

std::string with_id(char tag, uint64_t id) {
  std::string key(1, kBackupPrefix);
  key.push_back(tag);
  append_u64(key, id);
  return key;
}

std::string encode_descriptor(const Backup& backup) {
  rapidjson::StringBuffer buffer;
  json::Writer w(buffer);
  w.StartObject();
  json::put(w, "arn", backup.arn);
  json::put(w, "name", backup.name);
  json::put(w, "status", backup.status);
  json::put(w, "type", backup.type);
  json::put(w, "created", backup.created);
  json::put(w, "size", backup.size_bytes);
  json::put(w, "items", backup.item_count);
  json::put(w, "table", encode_table_definition(backup.table));
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::optional<Backup> decode_descriptor(uint64_t id, std::string_view bytes) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(bytes.data(), bytes.size());
  if (doc.HasParseError() || !doc.IsObject()) return std::nullopt;
  auto table = decode_table_definition(json::get_string(doc, "table"));
  if (!table) return std::nullopt;
  Backup backup;
  backup.id = id;
  backup.arn = json::get_string(doc, "arn");
  backup.name = json::get_string(doc, "name");
  backup.status = json::get_string(doc, "status");
  backup.type = json::get_string(doc, "type");
  backup.created = json::get_double(doc, "created");
  backup.size_bytes = json::get_int(doc, "size");
  backup.item_count = json::get_int(doc, "items");
  backup.table = std::move(*table);
  return backup;
}

}  // namespace

Result<void> Backups::put_descriptor(WriteSet& writes, const Backup& backup) const {
  writes.put(with_id(kDescriptorTag, backup.id), encode_descriptor(backup));
  return {};
}

Result<Backup> Backups::create(const TableDefinition& table, Backup backup) {
  EDDY_TRY(backup.id, storage_.next_id());
  backup.table = table;
  backup.status = "CREATING";
  auto view = storage_.read_view();
  {
    WriteSet started;
    EDDY_TRY_VOID(put_descriptor(started, backup));
    EDDY_TRY_VOID(storage_.write(started));
  }
  auto cursor =
      storage_.cursor(entries_prefix(kItemPrefix, table.id), entries_prefix(kItemPrefix, table.id + 1), view.get());
  WriteSet writes;
  std::size_t pending = 0;
  for (cursor->seek_to_first(); cursor->valid(); cursor->next()) {
    auto item = decode_item(cursor->value());
    if (!item) return fail(storage_failure("a stored item of table " + table.name + " does not decode"));
    backup.size_bytes += static_cast<int64_t>(item_size(*item));
    ++backup.item_count;
    std::string key = with_id(kItemTag, backup.id);
    key.append(cursor->key().substr(kTableKeyHead));
    writes.put(key, cursor->value());
    if (++pending == kItemsPerBatch) {
      EDDY_TRY_VOID(storage_.write(writes));
      writes = WriteSet();
      pending = 0;
    }
  }
  EDDY_TRY_VOID(cursor->status());
  backup.status = "AVAILABLE";
  EDDY_TRY_VOID(put_descriptor(writes, backup));
  EDDY_TRY_VOID(storage_.write(writes));
  return backup;
}

Result<std::vector<Backup>> Backups::all() const {
  std::vector<Backup> backups;
  std::string lower(1, kBackupPrefix);
  lower.push_back(kDescriptorTag);
  std::string upper(1, kBackupPrefix);
  upper.push_back(kDescriptorTag + 1);
  auto cursor = storage_.cursor(lower, upper);
  for (cursor->seek_to_first(); cursor->valid(); cursor->next()) {
    uint64_t id = read_u64(cursor->key().substr(2));
    auto backup = decode_descriptor(id, cursor->value());
    if (!backup) return fail(storage_failure("a backup descriptor does not decode"));
    backups.push_back(std::move(*backup));
  }
  EDDY_TRY_VOID(cursor->status());
  return backups;
}

Result<std::vector<Backup>> Backups::list() const {
  EDDY_TRY(auto backups, all());
  std::erase_if(backups, [](const Backup& backup) { return backup.status != "AVAILABLE"; });
  return backups;
}

Result<std::optional<Backup>> Backups::find(std::string_view arn) const {
  EDDY_TRY(auto backups, list());
  for (auto& backup : backups) {
    if (backup.arn == arn) return std::optional<Backup>(std::move(backup));
  }
  return std::optional<Backup>();
}

Result<void> Backups::remove(uint64_t backup_id) {
  WriteSet writes;
  writes.remove(with_id(kDescriptorTag, backup_id));
  writes.remove_range(with_id(kItemTag, backup_id), with_id(kItemTag, backup_id + 1));
  return storage_.write(writes);
}

Result<void> Backups::visit_items(uint64_t backup_id,
                                  const std::function<Result<bool>(const Item& item)>& visit) const {
  auto cursor = storage_.cursor(with_id(kItemTag, backup_id), with_id(kItemTag, backup_id + 1));
  for (cursor->seek_to_first(); cursor->valid(); cursor->next()) {
    auto item = decode_item(cursor->value());
    if (!item) return fail(storage_failure("a backup's item does not decode"));
    EDDY_TRY(bool more, visit(*item));
    if (!more) break;
  }
  return cursor->status();
}

Result<void> Backups::remove_unfinished() {
  EDDY_TRY(auto backups, all());
  for (const auto& backup : backups) {
    if (backup.status == "CREATING") EDDY_TRY_VOID(remove(backup.id));
  }
  return {};
}

}  // namespace eddy::engine
