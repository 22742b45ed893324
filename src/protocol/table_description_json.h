// Renders DynamoDB's TableDescription (DescribeTable, CreateTable, UpdateTable, DeleteTable).
#pragma once

#include <cstdint>
#include <functional>

#include "model/table_definition.h"
#include "protocol/json.h"

namespace eddy {

struct TableStatistics {
  int64_t item_count = 0;
  int64_t size_bytes = 0;
};

// `index_statistics(index_id)` gives each index's IndexSizeBytes and ItemCount.
void encode_table_description(JsonWriter& writer, const TableDefinition& table, const TableStatistics& statistics,
                              const std::function<TableStatistics(uint64_t)>& index_statistics);

void write_string(JsonWriter& writer, const char* key, const std::string& value);

}  // namespace eddy
