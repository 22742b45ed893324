// UpdateTable's StreamSpecification step; see update_table_steps.h.
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
  if (requested.enabled && current.enabled) {
    return validation_error("Table already has an enabled stream: " + step.before.stream_arn());
  }
  if (!requested.enabled && !current.enabled) {
    return validation_error("Table already has no enabled stream");
  }
  if (requested.enabled) {
    if (requested.view_type.empty()) {
      return validation_error("One or more parameter values were invalid: StreamViewType is required when "
                              "StreamEnabled is true");
    }
    step.after.stream.enabled = true;
    step.after.stream.view_type = requested.view_type;
    step.after.stream.label = stream_label(step.context.now());
  } else {
    step.after.stream.enabled = false;
  }
  return {};
}

}  // namespace eddy::ops
