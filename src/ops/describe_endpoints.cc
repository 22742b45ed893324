// DescribeEndpoints: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeEndpoints.html
// eddy is its own and only endpoint: the answer names the host and port the request was sent to
// (its Host header), cached for DynamoDB's 1,440 minutes, so that SDKs doing endpoint discovery
// keep talking to eddy.
#include "ops/operations.h"
#include "protocol/json_text.h"

namespace eddy::ops {

Result<std::string> describe_endpoints(RequestContext& context, const p::DescribeEndpointsRequest&) {
  std::string body = R"({"Endpoints":[{"Address":)";
  append_json_string(body, context.host);
  body += R"(,"CachePeriodInMinutes":1440}]})";
  return body;
}

}  // namespace eddy::ops
