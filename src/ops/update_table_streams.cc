// UpdateTable's StreamSpecification step; see update_table_steps.h. Enabling gives the table a new
// stream label (so a new StreamArn); the stream itself follows the table definition (see
// streams/stream_service.h), so disabling here closes the old stream's shards there.
// Messages are DynamoDB's (recorded against AWS).
#include "ops/table_schema_parsing.h"
#include "ops/update_table_steps.h"

namespace eddy::ops {

Result<void> apply_stream_update(UpdateTableStep& step) {
  ConstraintViolations violations;
  auto spec = read_stream_specification(step.request, violations);
  if (!spec) return fail(spec.error());
  if (auto checked = violations.result(); !checked) return checked;
  if (!*spec) return {};
  const StreamSettings& requested = **spec;
  const StreamSettings& current = step.before.stream;
  if (requested.enabled && requested.view_type.empty()) {
    return validation_error("One or more parameter values were invalid: If stream is being enabled then "
                            "UpdateViewType is required");
  }
  if (!requested.enabled && !requested.view_type.empty()) {
    return validation_error("One or more parameter values were invalid: If stream is being disabled, then "
                            "UpdateViewType must not be specified");
  }
  if (requested.enabled && current.enabled) {
    return validation_error("Table already has an enabled stream: TableName: " + step.before.name);
  }
  if (!requested.enabled && !current.enabled) {
    return validation_error("Table has no stream to disable: TableName: " + step.before.name);
  }
  if (requested.enabled) {
    step.after.stream.enabled = true;
    step.after.stream.view_type = requested.view_type;
    step.after.stream.label = stream_label(step.context.now());
  } else {
    step.after.stream.enabled = false;
  }
  return {};
}

}  // namespace eddy::ops
