// DeleteEventSourceMapping: DELETE /2015-03-31/event-source-mappings/{UUID} -> 202 and the mapping,
// State "Deleting". In-flight invocations are cancelled and the mapping and its checkpoints are
// gone at once: a GetEventSourceMapping right after answers ResourceNotFoundException.
// https://docs.aws.amazon.com/lambda/latest/api/API_DeleteEventSourceMapping.html
#include "lambda_api/lambda_operations.h"
#include "lambda_api/mapping_json.h"
#include "lambda_api/member_reading.h"

namespace eddy::lambda_api {

Result<LambdaAnswer> delete_event_source_mapping(LambdaContext& context, const LambdaRequest& request) {
  EDDY_LAMBDA_TRY(auto view, context.triggers.remove(request.uuid));
  return LambdaAnswer{202, mapping_json(view, false)};
}

}  // namespace eddy::lambda_api
