// CreateTable's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/table_definition.h"
#include "protocol/json.h"
#include "protocol/requests/index_definitions.h"
#include "protocol/requests/key_schema.h"
#include "protocol/requests/table_settings.h"

namespace eddy::protocol {

struct CreateTableRequest {
  std::optional<std::vector<AttributeDefinition>> attribute_definitions;
  std::string table_name;
  std::optional<std::vector<KeySchemaElement>> key_schema;
  std::optional<std::vector<IndexDefinition>> local_secondary_indexes;
  std::optional<std::vector<IndexDefinition>> global_secondary_indexes;
  std::optional<ProvisionedThroughput> provisioned_throughput;
  std::optional<std::string> billing_mode;  // PROVISIONED (the default) or PAY_PER_REQUEST
  std::optional<std::string> table_class;
  std::optional<StreamSpecification> stream_specification;
  std::optional<std::vector<Tag>> tags;
  std::optional<SseSpecification> sse_specification;
  std::optional<bool> deletion_protection_enabled;

  // The table these members describe, made by the checks: schema, indexes (without ids), billing,
  // stream settings (without a label), tags. What only the catalog knows (ids, times, status) is
  // set by ops/create_table.cc.
  TableDefinition table;
};

Result<CreateTableRequest> read_create_table(const JsonValue& json);

}  // namespace eddy::protocol
