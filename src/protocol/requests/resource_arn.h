// ResourceArn of the tagging operations: its constraints and the form DynamoDB accepts,
// arn:aws:dynamodb:<region>:<account>:table/<name>.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/api_error.h"
#include "protocol/constraint.h"

namespace eddy::protocol {

inline std::vector<Constraint> resource_arn_constraints() { return {required(), length(1, 1283)}; }

// "Invalid TableArn: Invalid ResourceArn provided as input <arn>" for an ARN not of that form. An
// ARN of another service (arn:aws:s3:::bucket) is AccessDeniedException, as IAM answers a DynamoDB
// action on it: "User: arn:aws:iam::<account>:root is not authorized to perform: dynamodb:<operation>
// on resource: <arn>".
Result<void> check_resource_arn(const std::string& arn, std::string_view operation);
// The table name of a checked ARN.
std::string table_name_of_arn(const std::string& arn);

}  // namespace eddy::protocol
