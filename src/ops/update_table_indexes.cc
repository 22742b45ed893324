// UpdateTable's GlobalSecondaryIndexUpdates step; see update_table_steps.h.
#include "ops/update_table_steps.h"
#include "protocol/request_fields.h"

namespace eddy::ops {

Result<void> apply_index_updates(UpdateTableStep& step) {
  if (member(step.request, "GlobalSecondaryIndexUpdates") != nullptr) {
    return validation_error("GlobalSecondaryIndexUpdates are not supported yet");
  }
  return {};
}

Result<void> finish_index_updates(UpdateTableStep& step) { return {}; }

}  // namespace eddy::ops
