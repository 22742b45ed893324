// ResourceArn; see resource_arn.h.
#include "protocol/requests/resource_arn.h"

#include "model/errors.h"

namespace eddy::protocol {
namespace {

constexpr std::string_view kPrefix = "arn:aws:dynamodb:";
constexpr std::string_view kTablePart = ":table/";

}  // namespace

Result<void> check_resource_arn(const std::string& arn) {
  if (arn.rfind(kPrefix, 0) == 0 && arn.find(kTablePart) != std::string::npos &&
      arn.find("/index/", arn.find(kTablePart)) != std::string::npos) {
    return fail(errors::invalid_parameter(
        "Invalid resource arn provided, only table or stream is accepted. Provided resource arn: " + arn));
  }
  // DynamoDB's texts for what is not an ARN at all, and for a DynamoDB ARN of another resource.
  if (arn.rfind("arn:", 0) != 0) {
    return fail(errors::invalid_parameter("ARNs must start with 'arn:': " + arn));
  }
  if (arn.rfind(kPrefix, 0) == 0 && arn.find(kTablePart) == std::string::npos) {
    return fail(errors::invalid_parameter("Provided Arn is not a DynamoDB resource arn: " + arn));
  }
  if (arn.rfind(kPrefix, 0) != 0 || arn.find(kTablePart) == std::string::npos) {
    return validation_error("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
  }
  return {};
}

std::string table_name_of_arn(const std::string& arn) { return arn.substr(arn.find(kTablePart) + kTablePart.size()); }

}  // namespace eddy::protocol
