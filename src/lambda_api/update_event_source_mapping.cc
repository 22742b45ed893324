// UpdateEventSourceMapping: PUT /2015-03-31/event-source-mappings/{UUID} -> 202 and the mapping,
// State "Updating" (then Enabled or Disabled). The new settings apply from the next attempt of
// every batch; a disabled mapping keeps its checkpoints and resumes from them when enabled.
// https://docs.aws.amazon.com/lambda/latest/api/API_UpdateEventSourceMapping.html
#include "lambda_api/lambda_operations.h"
#include "lambda_api/mapping_json.h"
#include "lambda_api/mapping_request.h"
#include "lambda_api/member_reading.h"

namespace eddy::lambda_api {

Result<LambdaAnswer> update_event_source_mapping(LambdaContext& context, const LambdaRequest& request) {
  EDDY_LAMBDA_TRY(auto members, read_mapping_members(*request.body, false));
  EDDY_LAMBDA_TRY(auto view, context.triggers.update(request.uuid, [&](triggers::MappingSettings& settings) {
    return apply_update(members, settings);
  }));
  return LambdaAnswer{202, mapping_json(view, false)};
}

}  // namespace eddy::lambda_api
