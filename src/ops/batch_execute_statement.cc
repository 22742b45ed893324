// BatchExecuteStatement: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchExecuteStatement.html
// Up to 25 PartiQL reads (each a SELECT by full primary key: a GetItem) or 25 writes (each an
// INSERT, UPDATE or DELETE of one item, performed on its own like a BatchWriteItem entry, but with
// its condition). The batch fails as a whole only for what concerns the request (reads and writes
// mixed, too many statements, one item named twice); each statement's own failure is its
// response's Error {Code, Message[, Item]}, in the order sent. A statement refused before its table
// is known answers no TableName, as DynamoDB answers.
#include <set>
#include <vector>

#include "model/errors.h"
#include "model/result.h"
#include "ops/batch_response.h"
#include "ops/operations.h"
#include "ops/partiql_statement.h"
#include "ops/read_request.h"
#include "protocol/attribute_value_json.h"

namespace eddy::ops {
namespace {

struct BatchEntry {
  std::optional<partiql::BoundStatement> bound;
  std::optional<PreparedStatement> statement;
  std::optional<ApiError> error;
  bool table_known = false;  // TableName in the response
  std::optional<Item> item;
};

// BatchStatementError's Code for a statement's failure.
const char* batch_error_code(ErrorCode code) {
  switch (code) {
    case ErrorCode::kConditionalCheckFailed: return "ConditionalCheckFailed";
    case ErrorCode::kDuplicateItem: return "DuplicateItem";
    case ErrorCode::kResourceNotFound: return "ResourceNotFound";
    case ErrorCode::kItemCollectionSizeLimitExceeded: return "ItemCollectionSizeLimitExceeded";
    case ErrorCode::kProvisionedThroughputExceeded: return "ProvisionedThroughputExceeded";
    case ErrorCode::kTransactionConflict: return "TransactionConflict";
    case ErrorCode::kRequestLimitExceeded: return "RequestLimitExceeded";
    case ErrorCode::kInternalServerError: return "InternalServerError";
    default: return "ValidationError";
  }
}

// Binds every statement, then refuses reads and writes together and more than 25 of either.
Result<std::vector<BatchEntry>> bind_all(const p::BatchExecuteStatementRequest& request) {
  std::vector<BatchEntry> entries(request.statements.size());
  bool reads = false;
  bool writes = false;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& sent = request.statements[i];
    auto bound = bind_statement_text(sent.statement, sent.parameters, StatementContext::kBatch);
    if (!bound) {
      entries[i].error = std::move(bound.error());
      continue;
    }
    (is_read(*bound) ? reads : writes) = true;
    entries[i].bound = std::move(*bound);
  }
  if (reads && writes) return validation_error("Read and write requests together in the same batch is not supported.");
  if (entries.size() > p::kMaxBatchStatements) {
    return validation_error(reads ? "BatchGetItem cannot fetch more than 25 items"
                                  : "BatchWriteItem cannot write more than 25 items");
  }
  return entries;
}

// Plans every bound statement against its table; one item named twice fails the batch.
Result<void> plan_all(RequestContext& context, std::vector<BatchEntry>& entries) {
  std::set<std::string> seen;
  for (auto& entry : entries) {
    if (!entry.bound) continue;
    auto planned = plan_bound_statement(context, *entry.bound, StatementContext::kBatch);
    if (!planned) {
      entry.error = std::move(planned.error());
      continue;
    }
    std::optional<Item> key = statement_key(*planned);
    if (key && !seen.insert(engine::item_id(*planned->table, *key)).second) return fail(errors::duplicate_keys());
    entry.statement = std::move(*planned);
    entry.table_known = true;
  }
  return {};
}

// A read by full key: the item, with the SELECT's projection.
Result<void> read_entry(RequestContext& context, BatchEntry& entry, bool consistent, CapacityTotals& capacity) {
  const auto& plan = std::get<partiql::SelectPlan>(entry.statement->plan);
  const TableDefinition& table = *entry.statement->table;
  EDDY_TRY(std::optional<Item> item, context.database().get_item(table, *plan.key));
  capacity.add(ConsumedCapacity{table.name, read_units(item ? item_size(*item) : 0, consistent), {}, {}});
  if (item && !plan.all_attributes) item = ItemProjector(plan.projection).apply(std::move(*item));
  entry.item = std::move(item);
  return {};
}

void write_error(JsonWriter& writer, const ApiError& error) {
  writer.Key("Error");
  writer.StartObject();
  writer.Key("Code");
  writer.String(batch_error_code(error.code));
  writer.Key("Message");
  writer.String(error.message.c_str(), static_cast<rapidjson::SizeType>(error.message.size()));
  // ConditionalCheckFailed with ReturnValuesOnConditionCheckFailure ALL_OLD: the item.
  static constexpr std::string_view kItem = "\"Item\":";
  std::string_view extra = error.extra_json;
  if (extra.starts_with(kItem)) {
    writer.Key("Item");
    extra.remove_prefix(kItem.size());
    writer.RawValue(extra.data(), extra.size(), rapidjson::kObjectType);
  }
  writer.EndObject();
}

std::string batch_response(const std::vector<BatchEntry>& entries, const CapacityTotals& capacity,
                           p::ReturnConsumedCapacity mode) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("Responses");
  writer.StartArray();
  for (const auto& entry : entries) {
    writer.StartObject();
    if (entry.error) write_error(writer, *entry.error);
    if (entry.table_known) {
      writer.Key("TableName");
      const std::string& name = entry.statement->table->name;
      writer.String(name.c_str(), static_cast<rapidjson::SizeType>(name.size()));
    }
    if (entry.item) {
      writer.Key("Item");
      encode_attribute_map(writer, *entry.item);
    }
    writer.EndObject();
  }
  writer.EndArray();
  capacity.write(writer, mode);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

Result<std::string> batch_execute_statement(RequestContext& context, const p::BatchExecuteStatementRequest& request) {
  EDDY_TRY(std::vector<BatchEntry> entries, bind_all(request));
  EDDY_TRY_VOID(plan_all(context, entries));
  CapacityTotals capacity;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    BatchEntry& entry = entries[i];
    if (!entry.statement) continue;
    const auto& sent = request.statements[i];
    if (std::holds_alternative<partiql::SelectPlan>(entry.statement->plan)) {
      EDDY_TRY_VOID(read_entry(context, entry, sent.consistent_read, capacity));
      continue;
    }
    bool return_old = sent.return_values_on_condition_check_failure == p::ReturnValuesOnConditionCheckFailure::kAllOld;
    auto write = perform_statement_write(context, *entry.statement, return_old);
    if (!write) {
      if (write.error().code == ErrorCode::kInternalServerError) return fail(std::move(write.error()));
      entry.error = std::move(write.error());
      continue;
    }
    capacity.add(write->capacity);
    entry.item = std::move(write->returned);
  }
  return batch_response(entries, capacity, request.return_consumed_capacity);
}

}  // namespace eddy::ops
