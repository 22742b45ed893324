// GetEventSourceMapping: GET /2015-03-31/event-source-mappings/{UUID}.
// https://docs.aws.amazon.com/lambda/latest/api/API_GetEventSourceMapping.html
#include "lambda_api/lambda_operations.h"
#include "lambda_api/mapping_json.h"
#include "lambda_api/member_reading.h"

namespace eddy::lambda_api {

Result<LambdaAnswer> get_event_source_mapping(LambdaContext& context, const LambdaRequest& request) {
  EDDY_LAMBDA_TRY(auto view, context.triggers.get(request.uuid, true));
  return LambdaAnswer{200, mapping_json(view, true)};
}

}  // namespace eddy::lambda_api
