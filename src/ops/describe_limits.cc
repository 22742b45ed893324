// DescribeLimits: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeLimits.html
// eddy enforces no throughput limits; it reports DynamoDB's default account quotas so that tools that
// size tables from them behave as they would on AWS.
#include "ops/operations.h"

namespace eddy::ops {

Result<std::string> describe_limits(RequestContext&, const p::DescribeLimitsRequest&) {
  return std::string(R"({"AccountMaxReadCapacityUnits":80000,"AccountMaxWriteCapacityUnits":80000,)"
                     R"("TableMaxReadCapacityUnits":40000,"TableMaxWriteCapacityUnits":40000})");
}

}  // namespace eddy::ops
