// AWS::DynamoDB::Table and AWS::Serverless::SimpleTable as CreateTable requests; see
// cloudformation_table.h.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-dynamodb-table.html
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-simpletable.html
#include "init/cloudformation_table.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "init/property_values.h"

namespace eddy::init {
namespace {

// A GSI as CreateTable takes it: CloudFormation's extra members (ContributorInsightsSpecification,
// WarmThroughput, OnDemandThroughput) dropped, ProvisionedThroughput's numbers coerced.
JsonValue global_index(const JsonValue& index, Allocator& allocator) {
  JsonValue out(rapidjson::kObjectType);
  if (!index.IsObject()) return JsonValue(index, allocator);
  for (const auto& entry : index.GetObject()) {
    std::string_view name(entry.name.GetString(), entry.name.GetStringLength());
    if (name == "ProvisionedThroughput") {
      out.AddMember(JsonValue(entry.name, allocator), throughput(entry.value, allocator), allocator);
    } else if (name == "IndexName" || name == "KeySchema" || name == "Projection") {
      put(out, name, entry.value, allocator);
    }
  }
  return out;
}

}  // namespace

TableDeclaration new_declaration(const TableResource& resource) {
  TableDeclaration table;
  table.origin = resource.origin;
  table.create_table.SetObject();
  auto& allocator = table.create_table.GetAllocator();
  JsonValue* name = resource.properties ? member(*resource.properties, "TableName") : nullptr;
  if (name != nullptr) {
    put(table.create_table, "TableName", *name, allocator);
  } else {
    put_string(table.create_table, "TableName", resource.logical_id, allocator);
  }
  return table;
}

void put_stream_specification(JsonValue& properties, TableDeclaration& table) {
  JsonValue* stream = member(properties, "StreamSpecification");
  if (stream == nullptr) return;
  auto& allocator = table.create_table.GetAllocator();
  JsonValue out(rapidjson::kObjectType);
  out.AddMember("StreamEnabled", true, allocator);
  if (JsonValue* view = member(*stream, "StreamViewType")) put(out, "StreamViewType", *view, allocator);
  table.create_table.AddMember("StreamSpecification", out, allocator);
}

void read_time_to_live(JsonValue& properties, TableDeclaration& table) {
  JsonValue* ttl = member(properties, "TimeToLiveSpecification");
  if (ttl == nullptr) return;
  JsonValue* enabled = member(*ttl, "Enabled");
  JsonValue* attribute = member(*ttl, "AttributeName");
  if (enabled) coerce_bool(*enabled);
  if (enabled && enabled->IsBool() && enabled->GetBool() && attribute && attribute->IsString()) {
    table.time_to_live_attribute = attribute->GetString();
  }
}

void read_point_in_time_recovery(JsonValue* specification, TableDeclaration& table) {
  JsonValue* enabled = specification ? member(*specification, "PointInTimeRecoveryEnabled") : nullptr;
  if (enabled) coerce_bool(*enabled);
  table.point_in_time_recovery = enabled && enabled->IsBool() && enabled->GetBool();
}

void put_sse_specification(JsonValue& properties, TableDeclaration& table) {
  JsonValue* sse = member(properties, "SSESpecification");
  if (sse == nullptr || !sse->IsObject()) return;
  auto& allocator = table.create_table.GetAllocator();
  JsonValue out(rapidjson::kObjectType);
  if (JsonValue* enabled = member(*sse, "SSEEnabled")) {
    coerce_bool(*enabled);
    put(out, "Enabled", *enabled, allocator);
  }
  if (JsonValue* type = member(*sse, "SSEType")) put(out, "SSEType", *type, allocator);
  if (JsonValue* key = member(*sse, "KMSMasterKeyId")) put(out, "KMSMasterKeyId", *key, allocator);
  table.create_table.AddMember("SSESpecification", out, allocator);
}

void log_ignored(const TableResource& resource, std::initializer_list<std::string_view> applied) {
  if (resource.properties == nullptr || !resource.properties->IsObject()) return;
  std::string ignored;
  for (const auto& entry : resource.properties->GetObject()) {
    std::string_view name(entry.name.GetString(), entry.name.GetStringLength());
    if (std::find(applied.begin(), applied.end(), name) != applied.end()) continue;
    ignored += (ignored.empty() ? "" : ", ") + std::string(name);
  }
  if (!ignored.empty()) spdlog::info("--init {}: not applied by eddy: {}", resource.origin, ignored);
}

Result<TableDeclaration> read_table(const TableResource& resource) {
  TableDeclaration table = new_declaration(resource);
  auto& allocator = table.create_table.GetAllocator();
  if (resource.properties == nullptr) return table;
  JsonValue& properties = *resource.properties;
  for (std::string_view name :
       {"AttributeDefinitions", "KeySchema", "BillingMode", "TableClass", "Tags", "LocalSecondaryIndexes"}) {
    if (JsonValue* value = member(properties, name)) put(table.create_table, name, *value, allocator);
  }
  if (JsonValue* value = member(properties, "ProvisionedThroughput")) {
    table.create_table.AddMember("ProvisionedThroughput", throughput(*value, allocator), allocator);
  }
  if (JsonValue* indexes = member(properties, "GlobalSecondaryIndexes"); indexes && indexes->IsArray()) {
    JsonValue out(rapidjson::kArrayType);
    for (const auto& index : indexes->GetArray()) out.PushBack(global_index(index, allocator), allocator);
    table.create_table.AddMember("GlobalSecondaryIndexes", out, allocator);
  } else if (indexes) {
    put(table.create_table, "GlobalSecondaryIndexes", *indexes, allocator);
  }
  if (JsonValue* protection = member(properties, "DeletionProtectionEnabled")) {
    coerce_bool(*protection);
    put(table.create_table, "DeletionProtectionEnabled", *protection, allocator);
  }
  put_stream_specification(properties, table);
  put_sse_specification(properties, table);
  read_time_to_live(properties, table);
  read_point_in_time_recovery(member(properties, "PointInTimeRecoverySpecification"), table);
  log_ignored(resource, {"TableName", "AttributeDefinitions", "KeySchema", "BillingMode", "TableClass", "Tags",
                         "LocalSecondaryIndexes", "GlobalSecondaryIndexes", "ProvisionedThroughput",
                         "DeletionProtectionEnabled", "StreamSpecification", "SSESpecification",
                         "TimeToLiveSpecification", "PointInTimeRecoverySpecification"});
  return table;
}

// SimpleTable: one HASH key, PrimaryKey {Name, Type: String|Number|Binary} (Default: id, String);
// on demand unless ProvisionedThroughput is given; Tags as a map.
Result<TableDeclaration> read_simple_table(const TableResource& resource) {
  TableDeclaration table = new_declaration(resource);
  auto& allocator = table.create_table.GetAllocator();
  JsonValue empty(rapidjson::kObjectType);
  JsonValue& properties = resource.properties ? *resource.properties : empty;
  std::string key = "id";
  std::string type = "String";
  if (JsonValue* primary = member(properties, "PrimaryKey")) {
    if (JsonValue* name = member(*primary, "Name"); name && name->IsString()) key = name->GetString();
    if (JsonValue* kind = member(*primary, "Type"); kind && kind->IsString()) type = kind->GetString();
  }
  std::string attribute_type = type == "String" ? "S" : type == "Number" ? "N" : type == "Binary" ? "B" : "";
  if (attribute_type.empty()) {
    return fail(init_error(resource.origin, "PrimaryKey's Type must be String, Number or Binary, not " + type));
  }
  JsonValue definition(rapidjson::kObjectType), element(rapidjson::kObjectType);
  put_string(definition, "AttributeName", key, allocator);
  put_string(definition, "AttributeType", attribute_type, allocator);
  put_string(element, "AttributeName", key, allocator);
  put_string(element, "KeyType", "HASH", allocator);
  table.create_table.AddMember("AttributeDefinitions", JsonValue(rapidjson::kArrayType).PushBack(definition, allocator),
                               allocator);
  table.create_table.AddMember("KeySchema", JsonValue(rapidjson::kArrayType).PushBack(element, allocator), allocator);
  if (JsonValue* value = member(properties, "ProvisionedThroughput")) {
    table.create_table.AddMember("ProvisionedThroughput", throughput(*value, allocator), allocator);
  } else {
    put_string(table.create_table, "BillingMode", "PAY_PER_REQUEST", allocator);
  }
  if (JsonValue* tags = member(properties, "Tags"); tags && tags->IsObject()) {
    JsonValue list(rapidjson::kArrayType);
    for (const auto& entry : tags->GetObject()) {
      JsonValue tag(rapidjson::kObjectType);
      put(tag, "Key", entry.name, allocator);
      put(tag, "Value", entry.value, allocator);
      list.PushBack(tag, allocator);
    }
    table.create_table.AddMember("Tags", list, allocator);
  }
  put_sse_specification(properties, table);
  log_ignored(resource, {"TableName", "PrimaryKey", "ProvisionedThroughput", "Tags", "SSESpecification"});
  return table;
}

}  // namespace eddy::init
