// TagResource's request declared; see tag_resource.h.
#include "protocol/requests/tag_resource.h"

#include <string_view>

#include "protocol/constraint_violations.h"
#include "protocol/member_path.h"
#include "protocol/requests/resource_arn.h"
#include "protocol/requests/table_settings.h"

namespace eddy::protocol {
namespace {

constexpr std::string_view kTagPattern = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";

// Whether `text` matches kTagPattern. ASCII is checked exactly (letters, digits, space and
// _.:/=+-@); any other character from U+00A0 on is taken for a letter, number or separator, since
// eddy carries no Unicode character database (docs/differences.md).
bool tag_text_allowed(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) continue;
    bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   std::string_view(" _.:/=+-@").find(static_cast<char>(c)) != std::string_view::npos;
    if (!allowed) return false;
  }
  // U+0080 to U+009F (control characters) are "\xC2\x80" to "\xC2\x9F".
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    auto lead = static_cast<unsigned char>(text[i]);
    auto next = static_cast<unsigned char>(text[i + 1]);
    if (lead == 0xC2 && next >= 0x80 && next <= 0x9F) return false;
  }
  return true;
}

// The pattern of every Key and Value, reported as DynamoDB's constraint texts.
Result<void> check_tag_patterns(const TagResourceRequest& request) {
  ConstraintViolations violations;
  MemberPath root;
  MemberPath tags = root.member("tags");
  for (std::size_t i = 0; i < request.tags.size(); ++i) {
    MemberPath element = tags.element(i);
    const Tag& tag = request.tags[i];
    std::string pattern = "Member must satisfy regular expression pattern: " + std::string(kTagPattern);
    if (!tag_text_allowed(tag.key)) violations.add(element.member("key").text(), tag.key, pattern);
    if (!tag_text_allowed(tag.value)) violations.add(element.member("value").text(), tag.value, pattern);
  }
  return violations.result();
}

}  // namespace

Result<TagResourceRequest> read_tag_resource(const JsonValue& json) {
  using R = TagResourceRequest;
  static const Shape<R> shape{
      {
          member("ResourceArn", &R::resource_arn, resource_arn_constraints()),
          member("Tags", &R::tags, tag_shape(), {required()}),
      },
      {
          [](R& request, const JsonValue&) { return check_tag_patterns(request); },
          [](R& request, const JsonValue&) { return check_resource_arn(request.resource_arn, "TagResource"); },
      }};
  return shape.read(json);
}

}  // namespace eddy::protocol
