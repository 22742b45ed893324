// CloudFormation's intrinsic functions on what --init reads from a template: Ref, Fn::Sub (both
// forms), Fn::Join and Fn::Select, resolved from the template's Parameters (their Default, or
// --init-param K=V), the pseudo parameters and the logical ids of the template's tables (Ref of an
// AWS::DynamoDB::Table is its name). Any other function (Fn::GetAtt, Fn::If, Fn::ImportValue, ...)
// names nothing eddy can know at start, and is an error where a table's property uses it.
#pragma once

#include <map>
#include <set>
#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::init {

struct TemplateScope {
  std::map<std::string, std::string> values;  // what Ref X and ${X} stand for
  std::set<std::string> without_value;        // parameters with no Default and no --init-param
};

// Replaces, in place, every intrinsic function in `value` by the string it stands for. The error
// says which function could not be resolved and why, e.g. "Ref Stage: the parameter has no Default
// and no --init-param Stage=VALUE".
Result<void> resolve_intrinsics(JsonValue& value, JsonDocument::AllocatorType& allocator, const TemplateScope& scope);

}  // namespace eddy::init
