// The constraint pass over a declared shape; see shape.h.
#include "protocol/shape.h"

#include <cctype>

namespace eddy::protocol {
namespace {

void check_nested(const MemberChecks& member, const JsonValue& value, const MemberPath& path,
                  ConstraintViolations& violations) {
  const ShapeChecks& nested = *member.nested;
  switch (member.nesting) {
    case MemberChecks::Nesting::kNone: return;
    case MemberChecks::Nesting::kStructure:
      if (value.IsObject()) nested.check(value, path, violations);
      return;
    case MemberChecks::Nesting::kList:
      if (!value.IsArray()) return;
      for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
        MemberPath element = path.element(i);
        nested.check(value[i], element, violations);
      }
      return;
    case MemberChecks::Nesting::kMap:
    case MemberChecks::Nesting::kMapOfLists:
      if (!value.IsObject()) return;
      for (auto it = value.MemberBegin(); it != value.MemberEnd(); ++it) {
        MemberPath entry = path.entry(std::string_view(it->name.GetString(), it->name.GetStringLength()));
        if (member.nesting == MemberChecks::Nesting::kMap) {
          nested.check(it->value, entry, violations);
          continue;
        }
        if (!it->value.IsArray()) continue;
        for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
          MemberPath element = entry.element(i);
          nested.check(it->value[i], element, violations);
        }
      }
      return;
  }
}

void check_own(const MemberChecks& member, const JsonValue* value, const MemberPath& path,
               ConstraintViolations& violations) {
  if (member.constraints.empty()) return;
  std::string type = member.java_type();
  for (const Constraint& constraint : member.constraints) check(constraint, value, path, type, violations);
}

}  // namespace

std::string MemberChecks::java_type() const {
  if (nested == nullptr) return std::string(printed_as);
  std::string type = nested->type_name;
  switch (nesting) {
    case Nesting::kNone:
    case Nesting::kStructure: return type;
    case Nesting::kList: return "[" + type + "]";
    case Nesting::kMap: return "{" + type + "}";
    case Nesting::kMapOfLists: return "{[" + type + "]}";
  }
  return type;
}

std::string message_name(std::string_view member_name) {
  std::string name(member_name);
  if (!name.empty()) name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
  return name;
}

void ShapeChecks::check(const JsonValue& object, const MemberPath& at, ConstraintViolations& violations) const {
  for (const MemberChecks& member : members) {
    if (member.constraints.empty() && member.nested == nullptr) continue;
    const JsonValue* value = json_member(object, member.name);
    MemberPath path = at.member(member.path);
    bool nested = value != nullptr && member.nested != nullptr;
    switch (member.order) {
      case MemberChecks::Order::kOwnFirst:
        check_own(member, value, path, violations);
        if (nested) check_nested(member, *value, path, violations);
        break;
      case MemberChecks::Order::kNestedFirst:
        if (nested) check_nested(member, *value, path, violations);
        check_own(member, value, path, violations);
        break;
      case MemberChecks::Order::kNestedWhenValid: {
        std::size_t before = violations.size();
        check_own(member, value, path, violations);
        if (nested && violations.size() == before) check_nested(member, *value, path, violations);
        break;
      }
    }
  }
}

}  // namespace eddy::protocol
