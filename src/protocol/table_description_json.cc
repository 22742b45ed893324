// TableDescription JSON, member by member in the order DynamoDB writes them.
#include "protocol/table_description_json.h"

namespace eddy {
namespace {

void write_key_schema(JsonWriter& w, const KeySchema& key) {
  w.Key("KeySchema");
  w.StartArray();
  auto element = [&](const KeyElement& e, const char* type) {
    w.StartObject();
    write_string(w, "AttributeName", e.name);
    write_string(w, "KeyType", type);
    w.EndObject();
  };
  for (const auto& e : key.partition_key) element(e, "HASH");
  for (const auto& e : key.sort_key) element(e, "RANGE");
  w.EndArray();
}

void write_throughput(JsonWriter& w, const ProvisionedThroughput& t) {
  w.Key("ProvisionedThroughput");
  w.StartObject();
  if (t.last_increase_time > 0) {
    w.Key("LastIncreaseDateTime");
    w.Double(t.last_increase_time);
  }
  if (t.last_decrease_time > 0) {
    w.Key("LastDecreaseDateTime");
    w.Double(t.last_decrease_time);
  }
  w.Key("NumberOfDecreasesToday");
  w.Int64(t.number_of_decreases_today);
  w.Key("ReadCapacityUnits");
  w.Int64(t.read_capacity_units);
  w.Key("WriteCapacityUnits");
  w.Int64(t.write_capacity_units);
  w.EndObject();
}

void write_projection(JsonWriter& w, const IndexProjection& p) {
  w.Key("Projection");
  w.StartObject();
  const char* type = p.type == IndexProjection::Type::kAll        ? "ALL"
                     : p.type == IndexProjection::Type::kKeysOnly ? "KEYS_ONLY"
                                                                  : "INCLUDE";
  write_string(w, "ProjectionType", type);
  if (p.type == IndexProjection::Type::kInclude) {
    w.Key("NonKeyAttributes");
    w.StartArray();
    for (const auto& name : p.non_key_attributes) w.String(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    w.EndArray();
  }
  w.EndObject();
}

void write_indexes(JsonWriter& w, const TableDefinition& table, bool global,
                   const std::function<TableStatistics(uint64_t)>& index_statistics) {
  const auto& indexes = global ? table.global_indexes : table.local_indexes;
  if (indexes.empty()) return;
  w.Key(global ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes");
  w.StartArray();
  for (const auto& index : indexes) {
    TableStatistics stats = index_statistics(index.id);
    w.StartObject();
    write_string(w, "IndexName", index.name);
    write_key_schema(w, index.key);
    write_projection(w, index.projection);
    if (global) {
      write_string(w, "IndexStatus", index.status);
      if (index.status == "CREATING") {
        w.Key("Backfilling");
        w.Bool(index.backfilling);
      }
      write_throughput(w, index.throughput);
    }
    w.Key("IndexSizeBytes");
    w.Int64(stats.size_bytes);
    w.Key("ItemCount");
    w.Int64(stats.item_count);
    write_string(w, "IndexArn", table.arn() + "/index/" + index.name);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

void write_string(JsonWriter& writer, const char* key, const std::string& value) {
  writer.Key(key);
  writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void encode_table_description(JsonWriter& w, const TableDefinition& table, const TableStatistics& statistics,
                              const std::function<TableStatistics(uint64_t)>& index_statistics) {
  w.StartObject();
  w.Key("AttributeDefinitions");
  w.StartArray();
  for (const auto& definition : table.attribute_definitions) {
    w.StartObject();
    write_string(w, "AttributeName", definition.name);
    write_string(w, "AttributeType", type_name(definition.type));
    w.EndObject();
  }
  w.EndArray();
  write_string(w, "TableName", table.name);
  write_key_schema(w, table.key);
  write_string(w, "TableStatus", table.status);
  w.Key("CreationDateTime");
  w.Double(table.creation_time);
  write_throughput(w, table.throughput);
  w.Key("TableSizeBytes");
  w.Int64(statistics.size_bytes);
  w.Key("ItemCount");
  w.Int64(statistics.item_count);
  write_string(w, "TableArn", table.arn());
  write_string(w, "TableId", table.table_id);
  if (table.billing_mode == "PAY_PER_REQUEST" || table.billing_mode_last_update > 0) {
    w.Key("BillingModeSummary");
    w.StartObject();
    write_string(w, "BillingMode", table.billing_mode);
    w.Key("LastUpdateToPayPerRequestDateTime");
    w.Double(table.billing_mode_last_update > 0 ? table.billing_mode_last_update : table.creation_time);
    w.EndObject();
  }
  write_indexes(w, table, false, index_statistics);
  write_indexes(w, table, true, index_statistics);
  if (!table.stream.label.empty() || table.stream.enabled) {
    if (table.stream.enabled) {
      w.Key("StreamSpecification");
      w.StartObject();
      w.Key("StreamEnabled");
      w.Bool(true);
      write_string(w, "StreamViewType", table.stream.view_type);
      w.EndObject();
    }
    write_string(w, "LatestStreamLabel", table.stream.label);
    write_string(w, "LatestStreamArn", table.stream_arn());
  }
  if (table.sse && table.sse->enabled) {
    w.Key("SSEDescription");
    w.StartObject();
    write_string(w, "Status", "ENABLED");
    write_string(w, "SSEType", table.sse->sse_type.empty() ? "KMS" : table.sse->sse_type);
    write_string(w, "KMSMasterKeyArn",
                 table.sse->kms_master_key_id.empty()
                     ? "arn:aws:kms:" + table.region + ":" + table.account_id + ":key/eddy-local-key"
                     : table.sse->kms_master_key_id);
    w.EndObject();
  }
  if (table.table_class != "STANDARD") {
    w.Key("TableClassSummary");
    w.StartObject();
    write_string(w, "TableClass", table.table_class);
    w.EndObject();
  }
  if (table.restore) {
    w.Key("RestoreSummary");
    w.StartObject();
    if (!table.restore->source_backup_arn.empty()) write_string(w, "SourceBackupArn", table.restore->source_backup_arn);
    write_string(w, "SourceTableArn", table.restore->source_table_arn);
    w.Key("RestoreDateTime");
    w.Double(table.restore->restore_time);
    w.Key("RestoreInProgress");
    w.Bool(table.restore->in_progress);
    w.EndObject();
  }
  w.Key("DeletionProtectionEnabled");
  w.Bool(table.deletion_protection);
  w.EndObject();
}

}  // namespace eddy
