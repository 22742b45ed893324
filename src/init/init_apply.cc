// Creating --init's tables and loading its items; see init_apply.h.
#include "init/init_apply.h"

#include <set>

#include <spdlog/spdlog.h>

#include "init/property_values.h"
#include "model/result.h"
#include "ops/operation_table.h"
#include "protocol/json_parse.h"
#include "protocol/requests/create_table.h"

namespace eddy::init {
namespace {

// BatchWriteItem's limit of requests per call.
constexpr std::size_t kBatchSize = 25;

Result<std::string> perform(ops::RequestContext& context, std::string_view operation, const JsonValue& request) {
  return ops::find_operation(ops::kDynamoDbPrefix, operation)(context, request);
}

std::string name_of(const TableDeclaration& table) {
  const JsonValue& request = table.create_table;
  auto name = request.FindMember("TableName");
  return name != request.MemberEnd() && name->value.IsString() ? name->value.GetString() : "";
}

Result<void> set_time_to_live(ops::RequestContext& context, const TableDeclaration& table, const std::string& name) {
  JsonDocument request(rapidjson::kObjectType);
  auto& allocator = request.GetAllocator();
  JsonValue specification(rapidjson::kObjectType);
  put_string(specification, "AttributeName", *table.time_to_live_attribute, allocator);
  specification.AddMember("Enabled", true, allocator);
  put_string(request, "TableName", name, allocator);
  request.AddMember("TimeToLiveSpecification", specification, allocator);
  if (auto set = perform(context, "UpdateTimeToLive", request); !set) {
    return fail(init_error(table.origin, "TimeToLiveSpecification: " + set.error().message));
  }
  return {};
}

// PointInTimeRecoverySpecification: UpdateContinuousBackups after creation, as CloudFormation does.
Result<void> enable_point_in_time_recovery(ops::RequestContext& context, const TableDeclaration& table,
                                           const std::string& name) {
  JsonDocument request(rapidjson::kObjectType);
  auto& allocator = request.GetAllocator();
  JsonValue specification(rapidjson::kObjectType);
  specification.AddMember("PointInTimeRecoveryEnabled", true, allocator);
  put_string(request, "TableName", name, allocator);
  request.AddMember("PointInTimeRecoverySpecification", specification, allocator);
  if (auto set = perform(context, "UpdateContinuousBackups", request); !set) {
    return fail(init_error(table.origin, "PointInTimeRecoverySpecification: " + set.error().message));
  }
  return {};
}

// Creates the table unless it exists; true when this call created it.
Result<bool> create(ops::RequestContext& context, const TableDeclaration& table) {
  std::string name = name_of(table);
  auto created = perform(context, "CreateTable", table.create_table);
  if (!created && created.error().code == ErrorCode::kResourceInUse) {
    spdlog::info("--init {}: table {} exists; left as it is", table.origin, name);
    return false;
  }
  if (!created) return fail(init_error(table.origin, created.error().message));
  if (table.time_to_live_attribute) EDDY_TRY_VOID(set_time_to_live(context, table, name));
  if (table.point_in_time_recovery) EDDY_TRY_VOID(enable_point_in_time_recovery(context, table, name));
  spdlog::info("--init {}: created table {}", table.origin, name);
  return true;
}

// One BatchWriteItem of requests [first, first + count) of `requests`, for `table`.
Result<void> write_batch(ops::RequestContext& context, const std::string& origin, const JsonValue& table,
                         const JsonValue& requests, std::size_t first, std::size_t count) {
  JsonDocument batch(rapidjson::kObjectType);
  auto& allocator = batch.GetAllocator();
  JsonValue list(rapidjson::kArrayType);
  for (std::size_t i = first; i < first + count; ++i) {
    list.PushBack(JsonValue(requests[static_cast<rapidjson::SizeType>(i)], allocator), allocator);
  }
  JsonValue items(rapidjson::kObjectType);
  items.AddMember(JsonValue(table, allocator), list, allocator);
  batch.AddMember("RequestItems", items, allocator);
  std::string where = "table " + std::string(table.GetString()) + ", requests " + std::to_string(first + 1) + "-" +
                      std::to_string(first + count);
  auto written = perform(context, "BatchWriteItem", batch);
  if (!written) return fail(init_error(origin, where + ": " + written.error().message));
  JsonDocument answer;
  if (parse_json(*written, answer) == JsonParseOutcome::kParsed && answer.HasMember("UnprocessedItems") &&
      answer["UnprocessedItems"].IsObject() && answer["UnprocessedItems"].MemberCount() > 0) {
    return fail(init_error(origin, where + ": some requests came back unprocessed"));
  }
  return {};
}

Result<void> load(ops::RequestContext& context, const ItemLoad& load, const std::set<std::string>& created) {
  for (const auto& entry : load.request_items["RequestItems"].GetObject()) {
    std::string table = entry.name.GetString();
    if (!created.count(table)) {
      if (context.database().catalog().find(table) == nullptr) {
        return fail(init_error(load.origin, "table " + table + " does not exist and no --init declares it"));
      }
      spdlog::info("--init {}: table {} was not created by this start; its items are not loaded", load.origin, table);
      continue;
    }
    if (!entry.value.IsArray()) return fail(init_error(load.origin, "table " + table + ": not a list of requests"));
    std::size_t size = entry.value.Size();
    for (std::size_t first = 0; first < size; first += kBatchSize) {
      EDDY_TRY_VOID(
          write_batch(context, load.origin, entry.name, entry.value, first, std::min(kBatchSize, size - first)));
    }
    spdlog::info("--init {}: {} requests written to table {}", load.origin, size, table);
  }
  return {};
}

// Every CreateTable request is read (and so validated) before any table is created.
Result<void> check_requests(const InitPlan& plan) {
  for (const auto& table : plan.tables) {
    if (auto read = protocol::read_create_table(table.create_table); !read) {
      return fail(init_error(table.origin, read.error().message));
    }
  }
  return {};
}

// After a failure, the tables this start created are deleted again, so that the next start
// (with the file corrected) creates them and loads their items.
void undo(ops::RequestContext& context, const std::set<std::string>& created) {
  for (const auto& name : created) {
    JsonDocument request(rapidjson::kObjectType);
    put_string(request, "TableName", name, request.GetAllocator());
    if (!perform(context, "DeleteTable", request)) spdlog::warn("--init: table {} could not be deleted again", name);
  }
}

Result<void> apply(ops::RequestContext& context, const InitPlan& plan, std::set<std::string>& created) {
  for (const auto& table : plan.tables) {
    EDDY_TRY(bool made, create(context, table));
    if (made) created.insert(name_of(table));
  }
  for (const auto& items : plan.items) EDDY_TRY_VOID(load(context, items, created));
  return {};
}

}  // namespace

Result<void> apply_init(ops::RequestContext& context, InitPlan& plan) {
  EDDY_TRY_VOID(check_requests(plan));
  std::set<std::string> created;
  auto applied = apply(context, plan, created);
  if (!applied) undo(context, created);
  return applied;
}

}  // namespace eddy::init
