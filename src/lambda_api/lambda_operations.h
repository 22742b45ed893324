// Lambda's event source mapping operations, one file each.
#pragma once

#include "lambda_api/lambda_request.h"

namespace eddy::lambda_api {

Result<LambdaAnswer> create_event_source_mapping(LambdaContext& context, const LambdaRequest& request);
Result<LambdaAnswer> list_event_source_mappings(LambdaContext& context, const LambdaRequest& request);
Result<LambdaAnswer> get_event_source_mapping(LambdaContext& context, const LambdaRequest& request);
Result<LambdaAnswer> update_event_source_mapping(LambdaContext& context, const LambdaRequest& request);
Result<LambdaAnswer> delete_event_source_mapping(LambdaContext& context, const LambdaRequest& request);

}  // namespace eddy::lambda_api
