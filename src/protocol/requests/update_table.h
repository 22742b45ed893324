// UpdateTable's request: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html
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

struct UpdateGlobalSecondaryIndexAction {
  std::string index_name;
  std::optional<ProvisionedThroughput> provisioned_throughput;  // required
};
struct DeleteGlobalSecondaryIndexAction {
  std::string index_name;
};
// Exactly one of the three (checked when read).
struct GlobalSecondaryIndexUpdate {
  std::optional<IndexDefinition> create;
  std::optional<UpdateGlobalSecondaryIndexAction> update;
  std::optional<DeleteGlobalSecondaryIndexAction> delete_action;  // "Delete"

  // The index the update names.
  const std::string& index_name() const;
};

struct UpdateTableRequest {
  std::string table_name;
  std::optional<ProvisionedThroughput> provisioned_throughput;
  std::optional<std::string> billing_mode;
  std::optional<bool> deletion_protection_enabled;
  std::optional<std::string> table_class;
  std::optional<std::vector<AttributeDefinition>> attribute_definitions;
  std::optional<SseSpecification> sse_specification;
  std::optional<StreamSpecification> stream_specification;
  std::optional<std::vector<GlobalSecondaryIndexUpdate>> global_secondary_index_updates;
};

// Reads and checks an UpdateTable request in DynamoDB's order (protocol/shape.h). What depends on
// the table as it is (throughput unchanged, a stream already enabled, an index that exists) is
// checked by ops/update_table.cc.
Result<UpdateTableRequest> read_update_table(const JsonValue& json);

}  // namespace eddy::protocol
