// TransactGetItems: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactGetItems.html
// Up to 100 Gets over several tables, all read from one RocksDB snapshot: the answer is the state
// between two commits, so no transaction is ever seen half applied (docs/transactions.md).
#include <set>

#include "model/errors.h"
#include "model/result.h"
#include "ops/batch_response.h"
#include "ops/item_validation.h"
#include "ops/operations.h"
#include "ops/read_projection.h"
#include "ops/table_lookup.h"
#include "ops/transaction_cancellation.h"
#include "protocol/attribute_value_json.h"

namespace eddy::ops {
namespace {

struct TransactGet {
  const p::Get& request;
  ReadProjection projection;
  engine::TablePtr table;
};

Result<std::vector<TransactGet>> resolve(RequestContext& context, const p::TransactGetItemsRequest& request) {
  std::vector<TransactGet> gets;
  for (const auto& entry : request.transact_items) {
    EDDY_TRY(ReadProjection projection, ReadProjection::parse_of(*entry.get));
    gets.push_back(TransactGet{*entry.get, std::move(projection), nullptr});
  }
  for (auto& get : gets) {
    EDDY_TRY(get.table, find_table(context, get.request.table_name));
  }
  // Empty key values are refused outright; a Get whose key does not fit its table cancels the transaction with that Get's ValidationError
  // reason (the others None), as TransactWriteItems reports its actions' (transact_write_items.cc).
  for (const auto& get : gets) EDDY_TRY_VOID(check_empty_key_values(*get.table, get.request.key, false));
  std::vector<CancellationReason> reasons(gets.size());
  bool invalid = false;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < gets.size(); ++i) {
    const auto& get = gets[i];
    if (auto valid = validate_key(*get.table, get.request.key); !valid) {
      reasons[i] = cancellation_reason(valid.error(), std::nullopt, false);
      invalid = true;
      continue;
    }
    if (!seen.insert(engine::item_id(*get.table, get.request.key)).second) {
      return fail(errors::item_in_several_transaction_actions());
    }
  }
  if (invalid) return fail(transaction_canceled(reasons));
  return gets;
}

}  // namespace

Result<std::string> transact_get_items(RequestContext& context, const p::TransactGetItemsRequest& request) {
  EDDY_TRY(std::vector<TransactGet> gets, resolve(context, request));

  auto& database = context.database();
  auto view = database.read_view();
  CapacityTotals capacity;
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("Responses");
  writer.StartArray();
  for (const auto& get : gets) {
    EDDY_TRY(std::optional<Item> item, database.get_item(*get.table, get.request.key, view.get()));
    // A transactional read costs twice a strongly consistent read: prepare and commit.
    capacity.add(ConsumedCapacity{get.table->name, read_units(item ? item_size(*item) : 0, true), {}, {}}, 2);
    writer.StartObject();
    if (item) {
      writer.Key("Item");
      encode_attribute_map(writer, get.projection.apply(*item));
    }
    writer.EndObject();
  }
  writer.EndArray();
  capacity.write(writer, request.return_consumed_capacity);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eddy::ops
