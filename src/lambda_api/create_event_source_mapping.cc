// CreateEventSourceMapping: POST /2015-03-31/event-source-mappings/ -> 202 and the mapping, State
// "Creating" (it is Enabled once its runner has started, a moment later).
// https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html
#include "lambda_api/lambda_operations.h"
#include "lambda_api/mapping_json.h"
#include "lambda_api/mapping_request.h"
#include "lambda_api/member_reading.h"

namespace eddy::lambda_api {

Result<LambdaAnswer> create_event_source_mapping(LambdaContext& context, const LambdaRequest& request) {
  EDDY_LAMBDA_TRY(auto members, read_mapping_members(*request.body, true));
  // TableName is the mappings file's shorthand; Lambda's API knows only EventSourceArn.
  members.table_name.reset();
  EDDY_LAMBDA_TRY(auto mapping, mapping_to_create(members, triggers::MappingOrigin::kApi));
  EDDY_LAMBDA_TRY(auto view, context.triggers.create(std::move(mapping)));
  return LambdaAnswer{202, mapping_json(view, false)};
}

}  // namespace eddy::lambda_api
