// UpdateTable's StreamSpecification step; see update_table_steps.h. Enabling gives the table a new
// stream label (so a new StreamArn); the stream itself follows the table definition (see
// streams/streams.h), so disabling here closes the old stream's shards there. The request's
// own checks (a view type with enabling, none with disabling) were made when it was read.
// Messages are DynamoDB's (recorded against AWS).
#include "ops/stream_label.h"
#include "ops/update_table_steps.h"
#include "protocol/requests/table_settings.h"

namespace eddy::ops {

Result<void> apply_stream_update(UpdateTableStep& step) {
  if (!step.request.stream_specification) return {};
  StreamSettings requested = protocol::stream_settings(*step.request.stream_specification);
  const StreamSettings& current = step.before.stream;
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
