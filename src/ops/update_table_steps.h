// The parts of UpdateTable that belong to other features, applied to the same copy of the table
// definition before it is stored: StreamSpecification (streams) and GlobalSecondaryIndexUpdates
// (indexes; the engine backfills created ones after the definition is stored, Database::update_table).
#pragma once

#include <optional>
#include <vector>

#include "model/table_definition.h"
#include "ops/request_context.h"
#include "protocol/requests/update_table.h"

namespace eddy::ops {

struct UpdateTableStep {
  RequestContext& context;
  const protocol::UpdateTableRequest& request;
  const TableDefinition& before;
  TableDefinition& after;
};

Result<void> apply_stream_update(UpdateTableStep& step);
Result<void> apply_index_updates(UpdateTableStep& step);

}  // namespace eddy::ops
