// A CloudFormation or SAM template (JSON or YAML, a CDK stack's *.template.json too) as the tables
// it declares. Parameters take --init-param K=V, else their Default; the pseudo parameters are
// eddy's (AWS::Region us-east-1, AWS::AccountId 000000000000, AWS::StackName the file's name
// without its extensions) unless --init-param sets them. Resources of other types are skipped;
// Conditions are not evaluated (a table with a Condition is created).
#pragma once

#include <string>

#include "init/init_plan.h"
#include "protocol/json.h"

namespace eddy::init {

// True when `document` is a template: an object with Resources or AWSTemplateFormatVersion.
bool is_template(const JsonValue& document);

// Appends the template's tables to `plan.tables`, in the template's order.
Result<void> read_template(const std::string& file, JsonDocument& document, const InitParameters& parameters,
                           InitPlan& plan);

}  // namespace eddy::init
