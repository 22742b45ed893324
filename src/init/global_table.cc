// AWS::DynamoDB::GlobalTable as a CreateTable request; see cloudformation_table.h.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-dynamodb-globaltable.html
// eddy is one region, so the table is the replica of AWS::Region (the first replica when none is):
// its Tags, TableClass, DeletionProtectionEnabled, PointInTimeRecoverySpecification and read
// capacity. Provisioned capacity is what CloudFormation would start with: a fixed
// ReadCapacityUnits, or an auto scaling setting's MinCapacity; the write capacity is the table's
// (or the index's) WriteProvisionedThroughputSettings.
#include "init/cloudformation_table.h"
#include "init/property_values.h"

namespace eddy::init {
namespace {

JsonValue* chosen_replica(JsonValue& properties, const std::string& region) {
  JsonValue* replicas = member(properties, "Replicas");
  if (replicas == nullptr || !replicas->IsArray() || replicas->Empty()) return nullptr;
  for (auto& replica : replicas->GetArray()) {
    JsonValue* name = member(replica, "Region");
    if (name && name->IsString() && region == name->GetString()) return &replica;
  }
  return &(*replicas)[0];
}

// ReadProvisionedThroughputSettings' or WriteProvisionedThroughputSettings' units: the fixed
// one (ReadCapacityUnits) or the auto scaling's MinCapacity; null when neither is given.
JsonValue capacity(JsonValue* settings, std::string_view fixed, std::string_view scaling) {
  if (settings == nullptr) return JsonValue();
  JsonValue* value = member(*settings, fixed);
  if (value == nullptr) {
    if (JsonValue* auto_scaling = member(*settings, scaling)) value = member(*auto_scaling, "MinCapacity");
  }
  if (value == nullptr) return JsonValue();
  coerce_number(*value);
  return value->IsInt64() ? JsonValue(value->GetInt64()) : JsonValue();
}

JsonValue read_capacity(JsonValue* settings) {
  return capacity(settings, "ReadCapacityUnits", "ReadCapacityAutoScalingSettings");
}
JsonValue write_capacity(JsonValue* settings) {
  return capacity(settings, "WriteCapacityUnits", "WriteCapacityAutoScalingSettings");
}

// {ReadCapacityUnits, WriteCapacityUnits}, with 0 for a unit the template leaves out (so that
// CreateTable names it).
JsonValue throughput_of(JsonValue read, JsonValue write, Allocator& allocator) {
  JsonValue out(rapidjson::kObjectType);
  if (read.IsNull()) read.SetInt64(0);
  if (write.IsNull()) write.SetInt64(0);
  out.AddMember("ReadCapacityUnits", read, allocator);
  out.AddMember("WriteCapacityUnits", write, allocator);
  return out;
}

// The replica's read settings for the index `name`, if it declares any.
JsonValue* replica_index_reads(JsonValue* replica, const JsonValue& name) {
  JsonValue* indexes = replica ? member(*replica, "GlobalSecondaryIndexes") : nullptr;
  if (indexes == nullptr || !indexes->IsArray()) return nullptr;
  for (auto& index : indexes->GetArray()) {
    JsonValue* index_name = member(index, "IndexName");
    if (index_name && *index_name == name) return member(index, "ReadProvisionedThroughputSettings");
  }
  return nullptr;
}

void put_indexes(JsonValue& properties, JsonValue* replica, bool provisioned, TableDeclaration& table) {
  auto& allocator = table.create_table.GetAllocator();
  if (JsonValue* local = member(properties, "LocalSecondaryIndexes")) {
    put(table.create_table, "LocalSecondaryIndexes", *local, allocator);
  }
  JsonValue* global = member(properties, "GlobalSecondaryIndexes");
  if (global == nullptr) return;
  if (!global->IsArray()) {
    put(table.create_table, "GlobalSecondaryIndexes", *global, allocator);
    return;
  }
  JsonValue out(rapidjson::kArrayType);
  for (auto& index : global->GetArray()) {
    JsonValue entry(rapidjson::kObjectType);
    for (std::string_view name : {"IndexName", "KeySchema", "Projection"}) {
      if (JsonValue* value = member(index, name)) put(entry, name, *value, allocator);
    }
    JsonValue* name = member(index, "IndexName");
    if (provisioned) {
      JsonValue reads = read_capacity(name ? replica_index_reads(replica, *name) : nullptr);
      if (reads.IsNull())
        reads = read_capacity(replica ? member(*replica, "ReadProvisionedThroughputSettings") : nullptr);
      JsonValue writes = write_capacity(member(index, "WriteProvisionedThroughputSettings"));
      entry.AddMember("ProvisionedThroughput", throughput_of(std::move(reads), std::move(writes), allocator),
                      allocator);
    }
    out.PushBack(entry, allocator);
  }
  table.create_table.AddMember("GlobalSecondaryIndexes", out, allocator);
}

void put_replica_settings(JsonValue* replica, TableDeclaration& table) {
  if (replica == nullptr) return;
  auto& allocator = table.create_table.GetAllocator();
  if (JsonValue* tags = member(*replica, "Tags")) put(table.create_table, "Tags", *tags, allocator);
  if (JsonValue* table_class = member(*replica, "TableClass"))
    put(table.create_table, "TableClass", *table_class, allocator);
  if (JsonValue* protection = member(*replica, "DeletionProtectionEnabled")) {
    coerce_bool(*protection);
    put(table.create_table, "DeletionProtectionEnabled", *protection, allocator);
  }
  read_point_in_time_recovery(member(*replica, "PointInTimeRecoverySpecification"), table);
}

}  // namespace

Result<TableDeclaration> read_global_table(const TableResource& resource) {
  TableDeclaration table = new_declaration(resource);
  auto& allocator = table.create_table.GetAllocator();
  if (resource.properties == nullptr) return table;
  JsonValue& properties = *resource.properties;
  for (std::string_view name : {"AttributeDefinitions", "KeySchema"}) {
    if (JsonValue* value = member(properties, name)) put(table.create_table, name, *value, allocator);
  }
  JsonValue* mode = member(properties, "BillingMode");
  bool provisioned = mode == nullptr || (mode->IsString() && std::string_view(mode->GetString()) == "PROVISIONED");
  put_string(table.create_table, "BillingMode", mode && mode->IsString() ? mode->GetString() : "PROVISIONED",
             allocator);
  JsonValue* replica = chosen_replica(properties, resource.region);
  if (provisioned) {
    JsonValue reads = read_capacity(replica ? member(*replica, "ReadProvisionedThroughputSettings") : nullptr);
    JsonValue writes = write_capacity(member(properties, "WriteProvisionedThroughputSettings"));
    table.create_table.AddMember("ProvisionedThroughput", throughput_of(std::move(reads), std::move(writes), allocator),
                                 allocator);
  }
  put_indexes(properties, replica, provisioned, table);
  put_stream_specification(properties, table);
  put_sse_specification(properties, table);
  read_time_to_live(properties, table);
  put_replica_settings(replica, table);
  log_ignored(resource, {"TableName", "AttributeDefinitions", "KeySchema", "BillingMode", "Replicas",
                         "WriteProvisionedThroughputSettings", "LocalSecondaryIndexes", "GlobalSecondaryIndexes",
                         "StreamSpecification", "SSESpecification", "TimeToLiveSpecification"});
  return table;
}

}  // namespace eddy::init
