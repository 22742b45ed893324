// DescribeTable's output as a CreateTable request; see describe_table_output.h.
#include "init/describe_table_output.h"

#include <string_view>

#include "init/property_values.h"

namespace eddy::init {
namespace {

JsonValue throughput_from(const JsonValue& described, Allocator& allocator) {
  JsonValue out(rapidjson::kObjectType);
  for (std::string_view name : {"ReadCapacityUnits", "WriteCapacityUnits"}) {
    auto found = described.FindMember(JsonValue(rapidjson::StringRef(name.data(), name.size())));
    if (found != described.MemberEnd()) put(out, name, found->value, allocator);
  }
  return out;
}

JsonValue index_from(const JsonValue& described, bool provisioned, Allocator& allocator) {
  JsonValue out(rapidjson::kObjectType);
  for (const auto& entry : described.GetObject()) {
    std::string_view name(entry.name.GetString(), entry.name.GetStringLength());
    if (name == "IndexName" || name == "KeySchema" || name == "Projection") put(out, name, entry.value, allocator);
    if (name == "ProvisionedThroughput" && provisioned && entry.value.IsObject()) {
      out.AddMember("ProvisionedThroughput", throughput_from(entry.value, allocator), allocator);
    }
  }
  return out;
}

void put_indexes(const JsonValue& table, std::string_view name, bool provisioned, JsonDocument& request) {
  auto found = table.FindMember(JsonValue(rapidjson::StringRef(name.data(), name.size())));
  if (found == table.MemberEnd() || !found->value.IsArray()) return;
  auto& allocator = request.GetAllocator();
  JsonValue out(rapidjson::kArrayType);
  for (const auto& index : found->value.GetArray()) {
    if (index.IsObject()) out.PushBack(index_from(index, provisioned, allocator), allocator);
  }
  request.AddMember(JsonValue(name.data(), static_cast<rapidjson::SizeType>(name.size()), allocator), out, allocator);
}

// BillingModeSummary's mode; a table described without one was created PROVISIONED.
std::string billing_mode_of(const JsonValue& table) {
  auto summary = table.FindMember("BillingModeSummary");
  if (summary != table.MemberEnd() && summary->value.IsObject()) {
    auto mode = summary->value.FindMember("BillingMode");
    if (mode != summary->value.MemberEnd() && mode->value.IsString()) return mode->value.GetString();
  }
  return "PROVISIONED";
}

}  // namespace

bool is_describe_table_output(const JsonValue& document) {
  return document.IsObject() && document.MemberCount() == 1 && document.HasMember("Table") &&
         document["Table"].IsObject();
}

void create_table_request(const JsonValue& table, JsonDocument& request) {
  request.SetObject();
  auto& allocator = request.GetAllocator();
  for (std::string_view name :
       {"TableName", "KeySchema", "AttributeDefinitions", "StreamSpecification", "DeletionProtectionEnabled"}) {
    auto found = table.FindMember(JsonValue(rapidjson::StringRef(name.data(), name.size())));
    if (found != table.MemberEnd()) put(request, name, found->value, allocator);
  }
  std::string mode = billing_mode_of(table);
  bool provisioned = mode == "PROVISIONED";
  put_string(request, "BillingMode", mode, allocator);
  auto throughput = table.FindMember("ProvisionedThroughput");
  if (provisioned && throughput != table.MemberEnd() && throughput->value.IsObject()) {
    request.AddMember("ProvisionedThroughput", throughput_from(throughput->value, allocator), allocator);
  }
  put_indexes(table, "GlobalSecondaryIndexes", provisioned, request);
  put_indexes(table, "LocalSecondaryIndexes", false, request);
  auto table_class = table.FindMember("TableClassSummary");
  if (table_class != table.MemberEnd() && table_class->value.IsObject() && table_class->value.HasMember("TableClass")) {
    put(request, "TableClass", table_class->value["TableClass"], allocator);
  }
}

}  // namespace eddy::init
