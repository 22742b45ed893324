// ResourceArn -> table; see resource_arn.h.
#include "ops/resource_arn.h"

#include "protocol/request_fields.h"

namespace eddy::ops {

Result<engine::TablePtr> table_of_resource_arn(RequestContext& context, const JsonValue& request) {
  auto arn = read_string(request, "ResourceArn");
  if (!arn) return fail(arn.error());
  ConstraintViolations violations;
  violations.not_null("resourceArn", arn->has_value());
  violations.length("resourceArn", *arn, 1, 1283);
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  const std::string& text = **arn;
  static const std::string kPrefix = "arn:aws:dynamodb:";
  std::size_t table_part = text.find(":table/");
  if (text.rfind(kPrefix, 0) != 0 || table_part == std::string::npos) {
    return validation_error("Invalid TableArn: Invalid ResourceArn provided as input " + text);
  }
  std::string name = text.substr(table_part + 7);
  engine::TablePtr table = context.database().catalog().find(name);
  if (table == nullptr || table->arn() != text) {
    return fail(ApiError::not_found("Requested resource not found: ResourcArn: " + text + " not found"));
  }
  return table;
}

}  // namespace eddy::ops
