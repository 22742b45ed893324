// The backup operations' shared parts; see backup_json.h.
#include "ops/backup_json.h"

#include <cstdio>
#include <random>

#include "model/result.h"
#include "ops/stream_operations.h"

namespace eddy::ops {
namespace {

void write_key_schema(JsonWriter& w, const KeySchema& key) {
  w.Key("KeySchema");
  w.StartArray();
  for (const auto* part : {&key.partition_key, &key.sort_key}) {
    for (const auto& element : *part) {
      w.StartObject();
      write_member(w, "AttributeName", element.name);
      write_member(w, "KeyType", part == &key.partition_key ? "HASH" : "RANGE");
      w.EndObject();
    }
  }
  w.EndArray();
}

void write_throughput(JsonWriter& w, const ProvisionedThroughput& throughput) {
  w.Key("ProvisionedThroughput");
  w.StartObject();
  w.Key("ReadCapacityUnits");
  w.Int64(throughput.read_capacity_units);
  w.Key("WriteCapacityUnits");
  w.Int64(throughput.write_capacity_units);
  w.EndObject();
}

void write_projection(JsonWriter& w, const IndexProjection& projection) {
  static constexpr const char* kTypes[] = {"ALL", "KEYS_ONLY", "INCLUDE"};
  w.Key("Projection");
  w.StartObject();
  write_member(w, "ProjectionType", kTypes[static_cast<int>(projection.type)]);
  if (projection.type == IndexProjection::Type::kInclude) {
    w.Key("NonKeyAttributes");
    w.StartArray();
    for (const auto& name : projection.non_key_attributes) w.String(name.c_str());
    w.EndArray();
  }
  w.EndObject();
}

void write_indexes(JsonWriter& w, const char* member, const std::vector<SecondaryIndex>& indexes, bool global) {
  if (indexes.empty()) return;
  w.Key(member);
  w.StartArray();
  for (const auto& index : indexes) {
    w.StartObject();
    write_member(w, "IndexName", index.name);
    write_key_schema(w, index.key);
    write_projection(w, index.projection);
    if (global) write_throughput(w, index.throughput);
    w.EndObject();
  }
  w.EndArray();
}

void write_source_table(JsonWriter& w, const engine::Backup& backup) {
  const TableDefinition& table = backup.table;
  w.Key("SourceTableDetails");
  w.StartObject();
  write_member(w, "TableName", table.name);
  write_member(w, "TableId", table.table_id);
  write_member(w, "TableArn", table.arn());
  w.Key("TableSizeBytes");
  w.Int64(backup.size_bytes);
  write_key_schema(w, table.key);
  w.Key("TableCreationDateTime");
  w.Double(table.creation_time);
  write_throughput(w, table.throughput);
  w.Key("ItemCount");
  w.Int64(backup.item_count);
  write_member(w, "BillingMode", table.billing_mode);
  w.EndObject();
}

void write_features(JsonWriter& w, const TableDefinition& table) {
  w.Key("SourceTableFeatureDetails");
  w.StartObject();
  write_indexes(w, "LocalSecondaryIndexes", table.local_indexes, false);
  write_indexes(w, "GlobalSecondaryIndexes", table.global_indexes, true);
  if (table.stream.enabled) {
    w.Key("StreamDescription");
    w.StartObject();
    w.Key("StreamEnabled");
    w.Bool(true);
    write_member(w, "StreamViewType", table.stream.view_type);
    w.EndObject();
  }
  w.Key("TimeToLiveDescription");
  w.StartObject();
  write_member(w, "TimeToLiveStatus", table.ttl.enabled ? "ENABLED" : "DISABLED");
  if (table.ttl.enabled) write_member(w, "AttributeName", table.ttl.attribute_name);
  w.EndObject();
  if (table.sse && table.sse->enabled) {
    w.Key("SSEDescription");
    w.StartObject();
    write_member(w, "Status", "ENABLED");
    write_member(w, "SSEType", table.sse->sse_type.empty() ? "KMS" : table.sse->sse_type);
    w.EndObject();
  }
  w.EndObject();
}

}  // namespace

std::string system_backup_arn(const TableDefinition& table, double now) {
  char suffix[32];
  std::snprintf(suffix, sizeof suffix, "%014lld-00000000", static_cast<long long>(now * 1000));
  return table.arn() + "/backup/" + suffix;
}

std::string new_backup_arn(const TableDefinition& table, double now) {
  thread_local std::mt19937 random{std::random_device{}()};
  char suffix[32];
  std::snprintf(suffix, sizeof suffix, "%014lld-%08x", static_cast<long long>(now * 1000),
                static_cast<unsigned>(random()));
  return table.arn() + "/backup/" + suffix;
}

Result<engine::Backup> find_backup(RequestContext& context, const std::string& arn) {
  EDDY_TRY(auto backup, context.database().backups().find(arn));
  if (!backup) return fail(ApiError{ErrorCode::kBackupNotFound, "Backup not found: " + arn, {}});
  return std::move(*backup);
}

bool backup_restoring(RequestContext& context, const std::string& backup_arn) {
  for (const auto& table : context.database().catalog().tables()) {
    if (table->restore && table->restore->in_progress && table->restore->source_backup_arn == backup_arn) return true;
  }
  return false;
}

void write_backup_details(JsonWriter& w, const engine::Backup& backup, const std::string& status) {
  w.Key("BackupDetails");
  w.StartObject();
  write_member(w, "BackupArn", backup.arn);
  write_member(w, "BackupName", backup.name);
  w.Key("BackupSizeBytes");
  w.Int64(backup.size_bytes);
  write_member(w, "BackupStatus", status);
  write_member(w, "BackupType", backup.type);
  w.Key("BackupCreationDateTime");
  w.Double(backup.created);
  if (backup.type == "SYSTEM") {
    w.Key("BackupExpiryDateTime");
    w.Double(backup.created + kSystemBackupDays * 86400);
  }
  w.EndObject();
}

void write_backup_summary(JsonWriter& w, const engine::Backup& backup) {
  w.StartObject();
  write_member(w, "TableName", backup.table.name);
  write_member(w, "TableId", backup.table.table_id);
  write_member(w, "TableArn", backup.table.arn());
  write_member(w, "BackupArn", backup.arn);
  write_member(w, "BackupName", backup.name);
  w.Key("BackupCreationDateTime");
  w.Double(backup.created);
  if (backup.type == "SYSTEM") {
    w.Key("BackupExpiryDateTime");
    w.Double(backup.created + kSystemBackupDays * 86400);
  }
  write_member(w, "BackupStatus", backup.status);
  write_member(w, "BackupType", backup.type);
  w.Key("BackupSizeBytes");
  w.Int64(backup.size_bytes);
  w.EndObject();
}

void write_backup_description(JsonWriter& w, const engine::Backup& backup, const std::string& status) {
  w.StartObject();
  write_backup_details(w, backup, status);
  write_source_table(w, backup);
  write_features(w, backup.table);
  w.EndObject();
}

}  // namespace eddy::ops
