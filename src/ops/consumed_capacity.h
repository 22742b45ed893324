// ConsumedCapacity as DynamoDB counts it: writes in 1 KB units (at least 1), reads in 4 KB units
// (at least 1), eventually consistent reads at half. With ReturnConsumedCapacity INDEXES the
// table's and each index's share are listed too.
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
#pragma once

#include <map>
#include <optional>
#include <string>

#include "model/api_error.h"
#include "model/attribute_value.h"
#include "model/table_definition.h"
#include "protocol/json.h"
#include "protocol/requests/return_options.h"

namespace eddy::ops {

using protocol::ReturnConsumedCapacity;

double write_units(std::size_t bytes);
double read_units(std::size_t bytes, bool consistent);

struct ConsumedCapacity {
  std::string table_name;
  double table_units = 0;
  std::map<std::string, double> global_indexes;
  std::map<std::string, double> local_indexes;
  double total() const;
};

// The write capacity an item write consumes on the table and on each index it touches.
ConsumedCapacity write_capacity(const TableDefinition& table, const std::optional<Item>& old_item,
                                const std::optional<Item>& new_item);

// Writes "ConsumedCapacity": {...} (nothing for kNone).
void write_consumed_capacity(JsonWriter& writer, ReturnConsumedCapacity mode, const ConsumedCapacity& capacity);
// The same object without the member name (for arrays in batch responses).
void write_capacity_object(JsonWriter& writer, ReturnConsumedCapacity mode, const ConsumedCapacity& capacity);

}  // namespace eddy::ops
