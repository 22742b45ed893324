// Secondary-index definitions in table requests: CreateTable's LocalSecondaryIndexes and
// GlobalSecondaryIndexes, and the Create action of UpdateTable's GlobalSecondaryIndexUpdates.
// Their shapes (constraints under "globalSecondaryIndexes.1.member...."), and their resolution into
// the model's SecondaryIndex against the table, in DynamoDB's order and with its messages.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/table_definition.h"
#include "protocol/requests/key_schema.h"
#include "protocol/shape.h"

namespace eddy::protocol {

inline constexpr std::size_t kMaxLocalIndexes = 5;
inline constexpr std::size_t kMaxGlobalIndexes = 20;
inline constexpr std::size_t kMaxProjectedAttributes = 100;
inline constexpr std::size_t kMaxMultiKeyAttributes = 4;

struct Projection {
  std::optional<std::string> projection_type;  // ALL, KEYS_ONLY, INCLUDE
  std::optional<std::vector<std::string>> non_key_attributes;
};

struct IndexDefinition {
  std::string index_name;
  std::optional<std::vector<KeySchemaElement>> key_schema;
  std::optional<Projection> projection;
  std::optional<ProvisionedThroughput> provisioned_throughput;  // GSIs only
};

const Shape<IndexDefinition>& local_index_shape();
const Shape<IndexDefinition>& global_index_shape();

// Resolves CreateTable's index definitions into `table` (whose key and attribute definitions are
// set); ids are given when the table is created.
Result<void> resolve_create_table_indexes(TableDefinition& table,
                                          const std::optional<std::vector<IndexDefinition>>& local_indexes,
                                          const std::optional<std::vector<IndexDefinition>>& global_indexes);

// Resolves one GSI definition (CreateTable or UpdateTable's Create) against `definitions`.
Result<SecondaryIndex> resolve_global_index(const IndexDefinition& definition,
                                            const std::vector<KeyElement>& definitions,
                                            const std::string& billing_mode);

}  // namespace eddy::protocol
