// Secondary-index definitions in table requests: CreateTable's LocalSecondaryIndexes and
// GlobalSecondaryIndexes, and the Create action of UpdateTable's GlobalSecondaryIndexUpdates.
// Reading records constraint violations (reported with the request's others); resolving checks the
// definitions against the table, in DynamoDB's order and with its messages.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/api_error.h"
#include "model/table_definition.h"
#include "ops/table_schema_parsing.h"
#include "protocol/json.h"
#include "protocol/request_fields.h"

namespace eddy::ops {

inline constexpr std::size_t kMaxLocalIndexes = 5;
inline constexpr std::size_t kMaxGlobalIndexes = 20;
inline constexpr std::size_t kMaxProjectedAttributes = 100;
inline constexpr std::size_t kMaxMultiKeyAttributes = 4;

// One index definition as given.
struct IndexInput {
  std::string name;
  KeySchemaInput key;
  bool has_projection = false;
  std::optional<std::string> projection_type;
  std::optional<std::vector<std::string>> non_key_attributes;
  std::optional<ProvisionedThroughput> throughput;
};

// Reads one index object; violations are recorded under `path` ("globalSecondaryIndexes.1.member").
Result<IndexInput> read_index_input(const JsonValue& object, const std::string& path, bool global,
                                    ConstraintViolations& violations);
// Reads the array `member` of `request` (nullopt when absent).
Result<std::optional<std::vector<IndexInput>>> read_index_inputs(const JsonValue& request, const char* member,
                                                                 const char* path, bool global,
                                                                 ConstraintViolations& violations);

// Resolves CreateTable's index definitions into `table` (whose key and attribute definitions are
// set); ids are assigned later.
Result<void> resolve_create_table_indexes(TableDefinition& table,
                                          const std::optional<std::vector<IndexInput>>& local_inputs,
                                          const std::optional<std::vector<IndexInput>>& global_inputs,
                                          const std::string& billing_mode);

// Resolves one GSI definition (CreateTable or UpdateTable Create) against `definitions`.
Result<SecondaryIndex> resolve_global_index(const IndexInput& input, const std::vector<KeyElement>& definitions,
                                            const std::string& billing_mode);

}  // namespace eddy::ops
