// Backups: DynamoDB's on-demand backups (CreateBackup and its companions), kept in the same RocksDB
// database as the tables, so that a backup survives restarts and the deletion of its table. A
// backup is a copy of the table's items read from one RocksDB snapshot, beside a descriptor that
// holds the table's definition as it was (key schema, indexes, billing, stream, SSE, TTL).
//
// Grammar (under key_codec.h's kBackupPrefix 'b'; integers big-endian):
//   descriptor_key := 'b' 'D' backup_id:u64          -> descriptor_json
//   item_key       := 'b' 'I' backup_id:u64 item_tail -> encoded item (item_codec.h)
//   descriptor_json := {"arn","name","status","type","created","size","items","table": <catalog_codec JSON>}
// item_tail is the table item key without its 'i' table_id:u64 head (key_codec.h), so a backup's
// items are in the table's key order. backup_id comes from Storage::next_id(). The descriptor is
// written CREATING before the first item and AVAILABLE with the last, so a backup that a crash
// interrupted is found at the next open and removed (remove_unfinished). Do not change: persisted.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/storage.h"
#include "model/api_error.h"
#include "model/attribute_value.h"
#include "model/table_definition.h"

namespace eddy::engine {

struct Backup {
  uint64_t id = 0;
  std::string arn;                   // arn:aws:dynamodb:<region>:<account>:table/<table>/backup/<14-digit ms>-<8 hex>
  std::string name;                  // BackupName
  std::string status = "AVAILABLE";  // CREATING, AVAILABLE (DELETED is only ever answered)
  std::string type = "USER";         // USER, SYSTEM, AWS_BACKUP
  double created = 0;                // BackupCreationDateTime, epoch seconds
  int64_t size_bytes = 0;            // BackupSizeBytes: the items' sizes
  int64_t item_count = 0;
  TableDefinition table;  // the source table's definition when the backup was taken
};

class Backups {
 public:
  explicit Backups(Storage& storage) : storage_(storage) {}

  // Copies every item of `table` (read from one snapshot, so the copy is consistent) into a new
  // backup described by `backup` (arn, name, created; id, counts and table are filled here).
  Result<Backup> create(const TableDefinition& table, Backup backup);
  // Every finished backup, oldest first.
  Result<std::vector<Backup>> list() const;
  // The finished backup with that ARN, or nullopt.
  Result<std::optional<Backup>> find(std::string_view arn) const;
  // Removes a backup's descriptor and items.
  Result<void> remove(uint64_t backup_id);
  // Visits a backup's items in key order until `visit` returns false.
  Result<void> visit_items(uint64_t backup_id, const std::function<Result<bool>(const Item& item)>& visit) const;
  // At open: removes the backups that a crash left CREATING.
  Result<void> remove_unfinished();

 private:
  Result<std::vector<Backup>> all() const;
  Result<void> put_descriptor(WriteSet& writes, const Backup& backup) const;

  Storage& storage_;
};

}  // namespace eddy::engine
