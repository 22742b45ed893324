// Reading a template's tables; see cloudformation_template.h.
#include "init/cloudformation_template.h"

#include <algorithm>
#include <filesystem>

#include <spdlog/spdlog.h>

#include "init/cloudformation_table.h"
#include "init/property_values.h"
#include "init/template_intrinsics.h"
#include "model/result.h"

namespace eddy::init {
namespace {

// The properties the table readers apply; only these have their intrinsic functions resolved, so
// that a Fn::GetAtt in a property eddy ignores (KinesisStreamSpecification's StreamArn, say) is no error.
constexpr std::string_view kApplied[] = {"TableName",
                                         "AttributeDefinitions",
                                         "KeySchema",
                                         "BillingMode",
                                         "TableClass",
                                         "Tags",
                                         "LocalSecondaryIndexes",
                                         "GlobalSecondaryIndexes",
                                         "ProvisionedThroughput",
                                         "DeletionProtectionEnabled",
                                         "StreamSpecification",
                                         "SSESpecification",
                                         "TimeToLiveSpecification",
                                         "PointInTimeRecoverySpecification",
                                         "Replicas",
                                         "WriteProvisionedThroughputSettings",
                                         "PrimaryKey"};

using Reader = Result<TableDeclaration> (*)(const TableResource&);

Reader reader_of(std::string_view type) {
  if (type == "AWS::DynamoDB::Table") return read_table;
  if (type == "AWS::DynamoDB::GlobalTable") return read_global_table;
  if (type == "AWS::Serverless::SimpleTable") return read_simple_table;
  return nullptr;
}

// "orders.template.json" -> "orders"
std::string stack_name_of(const std::string& file) {
  std::string name = std::filesystem::path(file).filename().string();
  return name.substr(0, name.find('.'));
}

std::string parameter_text(const JsonValue& value) {
  if (value.IsString()) return value.GetString();
  if (value.IsInt64()) return std::to_string(value.GetInt64());
  if (value.IsArray()) {
    std::string joined;
    for (const auto& element : value.GetArray()) {
      joined += (joined.empty() ? "" : ",") + parameter_text(element);
    }
    return joined;
  }
  return {};
}

TemplateScope scope_of(const std::string& file, JsonDocument& document, const InitParameters& parameters) {
  TemplateScope scope;
  scope.values = {{"AWS::Region", "us-east-1"},
                  {"AWS::AccountId", "000000000000"},
                  {"AWS::Partition", "aws"},
                  {"AWS::URLSuffix", "amazonaws.com"},
                  {"AWS::StackName", stack_name_of(file)}};
  if (JsonValue* declared = member(document, "Parameters"); declared && declared->IsObject()) {
    for (auto& entry : declared->GetObject()) {
      JsonValue* fallback = member(entry.value, "Default");
      if (fallback) {
        scope.values[entry.name.GetString()] = parameter_text(*fallback);
      } else {
        scope.without_value.insert(entry.name.GetString());
      }
    }
  }
  for (const auto& [name, value] : parameters) {
    scope.values[name] = value;
    scope.without_value.erase(name);
  }
  const std::string& region = scope.values["AWS::Region"];
  scope.values.emplace("AWS::StackId", "arn:aws:cloudformation:" + region + ":" + scope.values["AWS::AccountId"] +
                                           ":stack/" + scope.values["AWS::StackName"] +
                                           "/00000000-0000-0000-0000-000000000000");
  return scope;
}

std::string origin_of(const std::string& file, const std::string& logical_id, std::string_view type) {
  return file + ", resource " + logical_id + " (" + std::string(type) + ")";
}

std::string_view type_of(JsonValue& resource) {
  JsonValue* type = member(resource, "Type");
  return type && type->IsString() ? std::string_view(type->GetString(), type->GetStringLength()) : std::string_view();
}

// Ref of a table is its name: each table's TableName is resolved first (from the parameters
// alone) and joins the scope under the table's logical id.
Result<void> add_table_names(const std::string& file, JsonValue& resources, Allocator& allocator,
                             TemplateScope& scope) {
  for (auto& entry : resources.GetObject()) {
    std::string_view type = type_of(entry.value);
    if (reader_of(type) == nullptr) continue;
    std::string logical_id = entry.name.GetString();
    JsonValue* properties = member(entry.value, "Properties");
    JsonValue* name = properties ? member(*properties, "TableName") : nullptr;
    if (name == nullptr) {
      scope.values[logical_id] = logical_id;
      continue;
    }
    if (auto resolved = resolve_intrinsics(*name, allocator, scope); !resolved) {
      return fail(init_error(origin_of(file, logical_id, type), "TableName: " + resolved.error().message));
    }
    if (name->IsString()) scope.values[logical_id] = name->GetString();
  }
  return {};
}

Result<void> resolve_applied(JsonValue& properties, Allocator& allocator, const TemplateScope& scope) {
  for (auto& entry : properties.GetObject()) {
    std::string_view name(entry.name.GetString(), entry.name.GetStringLength());
    if (std::find(std::begin(kApplied), std::end(kApplied), name) == std::end(kApplied)) continue;
    if (auto resolved = resolve_intrinsics(entry.value, allocator, scope); !resolved) {
      return fail(ApiError::validation(std::string(name) + ": " + resolved.error().message));
    }
  }
  return {};
}

}  // namespace

bool is_template(const JsonValue& document) {
  return document.IsObject() && (document.HasMember("Resources") || document.HasMember("AWSTemplateFormatVersion"));
}

Result<void> read_template(const std::string& file, JsonDocument& document, const InitParameters& parameters,
                           InitPlan& plan) {
  JsonValue* resources = member(document, "Resources");
  if (resources == nullptr || !resources->IsObject()) return fail(init_error(file, "Resources is not a map"));
  auto& allocator = document.GetAllocator();
  TemplateScope scope = scope_of(file, document, parameters);
  EDDY_TRY_VOID(add_table_names(file, *resources, allocator, scope));
  for (auto& entry : resources->GetObject()) {
    std::string_view type = type_of(entry.value);
    Reader reader = reader_of(type);
    if (reader == nullptr) continue;
    TableResource resource{origin_of(file, entry.name.GetString(), type), entry.name.GetString(),
                           scope.values["AWS::Region"], member(entry.value, "Properties")};
    if (resource.properties && !resource.properties->IsObject()) {
      return fail(init_error(resource.origin, "Properties is not a map"));
    }
    if (resource.properties) {
      if (auto resolved = resolve_applied(*resource.properties, allocator, scope); !resolved) {
        return fail(init_error(resource.origin, resolved.error().message));
      }
    }
    if (JsonValue* condition = member(entry.value, "Condition")) {
      spdlog::info("--init {}: Condition {} is not evaluated; the table is created", resource.origin,
                   condition->IsString() ? condition->GetString() : "");
    }
    EDDY_TRY(TableDeclaration table, reader(resource));
    plan.tables.push_back(std::move(table));
  }
  return {};
}

}  // namespace eddy::init
