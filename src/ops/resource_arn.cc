// ResourceArn -> table; see resource_arn.h.
#include "ops/resource_arn.h"

#include "protocol/request_fields.h"

namespace eddy::ops {

Result<ResourceArn> read_resource_arn(const JsonValue& request) {
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
  return ResourceArn{text, text.substr(table_part + 7)};
}

bool names_table(const ResourceArn& arn, const TableDefinition& table) { return table.arn() == arn.text; }

ApiError resource_not_found(const ResourceArn& arn) {
  return ApiError::not_found("Requested resource not found: ResourcArn: " + arn.text + " not found");
}

Result<engine::TablePtr> table_of_resource_arn(RequestContext& context, const JsonValue& request) {
  auto arn = read_resource_arn(request);
  if (!arn) return fail(arn.error());
  engine::TablePtr table = context.database().catalog().find(arn->table_name);
  if (table == nullptr || !names_table(*arn, *table)) return fail(resource_not_found(*arn));
  return table;
}

}  // namespace eddy::ops
