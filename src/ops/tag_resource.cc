// TagResource: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TagResource.html
#include "ops/operations.h"
#include "ops/resource_arn.h"
#include "ops/table_schema_parsing.h"

namespace eddy::ops {
namespace {

constexpr std::size_t kMaxTags = 50;

}  // namespace

Result<std::string> tag_resource(RequestContext& context, const JsonValue& request) {
  ConstraintViolations violations;
  auto tags = read_tags(request, violations);
  if (!tags) return fail(tags.error());
  violations.not_null("tags", tags->has_value());
  if (*tags) {
    for (std::size_t i = 0; i < (*tags)->size(); ++i) {
      const Tag& tag = (**tags)[i];
      std::string prefix = "tags." + std::to_string(i + 1) + ".member.";
      violations.length(prefix + "key", tag.key, 1, 128);
      violations.length(prefix + "value", tag.value, 0, 256);
    }
  }
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  auto arn = read_resource_arn(request);
  if (!arn) return fail(arn.error());
  auto updated = context.database().catalog().modify(arn->table_name, [&](TableDefinition& table) -> Result<void> {
    if (!names_table(*arn, table)) return fail(resource_not_found(*arn));
    for (const Tag& tag : **tags) {
      bool replaced = false;
      for (Tag& existing : table.tags) {
        if (existing.key == tag.key) {
          existing.value = tag.value;
          replaced = true;
        }
      }
      if (!replaced) table.tags.push_back(tag);
    }
    if (table.tags.size() > kMaxTags) {
      return fail(ApiError{ErrorCode::kLimitExceeded,
                           "The number of tags on the resource exceeds the limit of " + std::to_string(kMaxTags), {}});
    }
    return {};
  });
  if (!updated) return fail(updated.error());
  if (*updated == nullptr) return fail(resource_not_found(*arn));
  return std::string("{}");
}

}  // namespace eddy::ops
