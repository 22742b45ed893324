// ResourceArn; see resource_arn.h.
#include "protocol/requests/resource_arn.h"

#include "model/errors.h"

namespace eddy::protocol {
namespace {

constexpr std::string_view kPrefix = "arn:aws:dynamodb:";
constexpr std::string_view kTablePart = ":table/";
// IAM's principal in AccessDeniedException: eddy has no IAM users, so the account's root user.
constexpr std::string_view kPrincipal = "arn:aws:iam::000000000000:root";

// arn:<partition>:<service>:...: the service part, empty when there is none.
std::string_view service_of(std::string_view arn) {
  std::size_t partition_end = arn.find(':', 4);
  if (partition_end == std::string_view::npos) return {};
  std::size_t service_end = arn.find(':', partition_end + 1);
  if (service_end == std::string_view::npos) return {};
  return arn.substr(partition_end + 1, service_end - partition_end - 1);
}

}  // namespace

Result<void> check_resource_arn(const std::string& arn, std::string_view operation) {
  if (arn.rfind(kPrefix, 0) == 0 && arn.find(kTablePart) != std::string::npos &&
      arn.find("/index/", arn.find(kTablePart)) != std::string::npos) {
    return fail(errors::invalid_parameter(
        "Invalid resource arn provided, only table or stream is accepted. Provided resource arn: " + arn));
  }
  // DynamoDB's texts for what is not an ARN at all, and for a DynamoDB ARN of another resource.
  if (arn.rfind("arn:", 0) != 0) {
    return fail(errors::invalid_parameter("ARNs must start with 'arn:': " + arn));
  }
  if (std::string_view service = service_of(arn); !service.empty() && service != "dynamodb") {
    return fail(errors::not_authorized(kPrincipal, "dynamodb:" + std::string(operation), arn));
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
