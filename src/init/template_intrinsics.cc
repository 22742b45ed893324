// Resolving CloudFormation's intrinsic functions; see template_intrinsics.h.
#include "init/template_intrinsics.h"

#include <vector>

#include "model/result.h"

namespace eddy::init {
namespace {

using Allocator = JsonDocument::AllocatorType;
using Variables = std::map<std::string, std::string>;

Result<std::string> lookup(const std::string& function, const std::string& name, const Variables& local,
                           const TemplateScope& scope) {
  if (auto found = local.find(name); found != local.end()) return found->second;
  if (auto found = scope.values.find(name); found != scope.values.end()) return found->second;
  if (scope.without_value.count(name)) {
    return fail(ApiError::validation(function + " " + name + ": the parameter has no Default and no --init-param " +
                                     name + "=VALUE"));
  }
  if (name.find('.') != std::string::npos) {
    return fail(ApiError::validation(function + " " + name + ": a resource's attribute is not known at start"));
  }
  return fail(ApiError::validation(function + " " + name +
                                   ": no parameter, pseudo parameter or table of the template has this name"));
}

// Fn::Sub's text: ${Name} is replaced, ${!Literal} stands for ${Literal}.
Result<std::string> substitute(const std::string& text, const Variables& local, const TemplateScope& scope) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t open = text.find("${", at);
    if (open == std::string::npos) break;
    std::size_t close = text.find('}', open);
    if (close == std::string::npos) return fail(ApiError::validation("Fn::Sub \"" + text + "\": a ${ is not closed"));
    out.append(text, at, open - at);
    std::string name = text.substr(open + 2, close - open - 2);
    if (!name.empty() && name[0] == '!') {
      out += "${" + name.substr(1) + "}";
    } else {
      EDDY_TRY(std::string value, lookup("Fn::Sub", name, local, scope));
      out += value;
    }
    at = close + 1;
  }
  out.append(text, at, std::string::npos);
  return out;
}

Result<std::string> as_text(JsonValue& value, const std::string& function, Allocator& allocator,
                            const TemplateScope& scope) {
  EDDY_TRY_VOID(resolve_intrinsics(value, allocator, scope));
  if (value.IsString()) return std::string(value.GetString(), value.GetStringLength());
  if (value.IsInt64()) return std::to_string(value.GetInt64());
  return fail(ApiError::validation(function + ": an argument is not a string"));
}

Result<std::string> resolve_sub(JsonValue& argument, Allocator& allocator, const TemplateScope& scope) {
  if (argument.IsString()) return substitute(argument.GetString(), {}, scope);
  if (!argument.IsArray() || argument.Size() != 2 || !argument[0].IsString() || !argument[1].IsObject()) {
    return fail(ApiError::validation("Fn::Sub takes a string or a list of a string and a map of variables"));
  }
  Variables local;
  for (auto& member : argument[1].GetObject()) {
    EDDY_TRY(std::string value, as_text(member.value, "Fn::Sub", allocator, scope));
    local[member.name.GetString()] = value;
  }
  return substitute(argument[0].GetString(), local, scope);
}

Result<std::string> resolve_join(JsonValue& argument, Allocator& allocator, const TemplateScope& scope) {
  if (!argument.IsArray() || argument.Size() != 2 || !argument[0].IsString()) {
    return fail(ApiError::validation("Fn::Join takes a list of a delimiter and a list of values"));
  }
  EDDY_TRY_VOID(resolve_intrinsics(argument[1], allocator, scope));
  if (!argument[1].IsArray()) return fail(ApiError::validation("Fn::Join's second argument is not a list"));
  std::string out;
  bool first = true;
  for (auto& element : argument[1].GetArray()) {
    EDDY_TRY(std::string text, as_text(element, "Fn::Join", allocator, scope));
    if (!first) out += argument[0].GetString();
    out += text;
    first = false;
  }
  return out;
}

Result<void> resolve_select(JsonValue& value, JsonValue& argument, Allocator& allocator, const TemplateScope& scope) {
  if (!argument.IsArray() || argument.Size() != 2) {
    return fail(ApiError::validation("Fn::Select takes a list of an index and a list of values"));
  }
  EDDY_TRY(std::string index_text, as_text(argument[0], "Fn::Select", allocator, scope));
  EDDY_TRY_VOID(resolve_intrinsics(argument[1], allocator, scope));
  std::size_t index = 0;
  bool numeric = !index_text.empty() && index_text.find_first_not_of("0123456789") == std::string::npos;
  if (numeric) index = std::stoul(index_text);
  if (!numeric || !argument[1].IsArray() || index >= argument[1].Size()) {
    return fail(ApiError::validation("Fn::Select: index " + index_text + " is not in the list"));
  }
  JsonValue chosen(argument[1][static_cast<rapidjson::SizeType>(index)], allocator);
  value = chosen;
  return {};
}

// The one function an object of one member "Ref" or "Fn::..." calls, resolved into `value`.
Result<void> resolve_function(JsonValue& value, Allocator& allocator, const TemplateScope& scope) {
  auto member = value.MemberBegin();
  std::string function = member->name.GetString();
  JsonValue& argument = member->value;
  std::string text;
  if (function == "Ref") {
    if (!argument.IsString()) return fail(ApiError::validation("Ref takes the name of a parameter or resource"));
    EDDY_TRY(text, lookup("Ref", argument.GetString(), {}, scope));
  } else if (function == "Fn::Sub") {
    EDDY_TRY(text, resolve_sub(argument, allocator, scope));
  } else if (function == "Fn::Join") {
    EDDY_TRY(text, resolve_join(argument, allocator, scope));
  } else if (function == "Fn::Select") {
    return resolve_select(value, argument, allocator, scope);
  } else {
    return fail(ApiError::validation(function + " is not resolved by eddy's --init (Ref, Fn::Sub, Fn::Join and "
                                                "Fn::Select are)"));
  }
  value.SetString(text.data(), static_cast<rapidjson::SizeType>(text.size()), allocator);
  return {};
}

bool is_function(const JsonValue& value) {
  if (!value.IsObject() || value.MemberCount() != 1) return false;
  std::string_view name(value.MemberBegin()->name.GetString(), value.MemberBegin()->name.GetStringLength());
  return name == "Ref" || name.substr(0, 4) == "Fn::";
}

}  // namespace

Result<void> resolve_intrinsics(JsonValue& value, Allocator& allocator, const TemplateScope& scope) {
  if (is_function(value)) return resolve_function(value, allocator, scope);
  if (value.IsArray()) {
    for (auto& element : value.GetArray()) EDDY_TRY_VOID(resolve_intrinsics(element, allocator, scope));
  } else if (value.IsObject()) {
    for (auto& member : value.GetObject()) EDDY_TRY_VOID(resolve_intrinsics(member.value, allocator, scope));
  }
  return {};
}

}  // namespace eddy::init
