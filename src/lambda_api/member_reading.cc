// Lambda's request members and constraint messages; see member_reading.h.
#include "lambda_api/member_reading.h"

namespace eddy::lambda_api {

ApiError wrong_type(std::string_view name) {
  return ApiError{ErrorCode::kInvalidRequestContent,
                  "Could not parse request body into json: Could not deserialize the value of " + std::string(name),
                  {}};
}

namespace {

const JsonValue* present(const JsonValue& object, const char* name) {
  auto found = object.FindMember(name);
  return found == object.MemberEnd() || found->value.IsNull() ? nullptr : &found->value;
}

}  // namespace

Result<std::optional<std::string>> read_string(const JsonValue& object, const char* name) {
  const JsonValue* value = present(object, name);
  if (value == nullptr) return std::optional<std::string>();
  if (!value->IsString()) return fail(wrong_type(name));
  return std::optional<std::string>(std::string(value->GetString(), value->GetStringLength()));
}

Result<std::optional<int64_t>> read_integer(const JsonValue& object, const char* name) {
  const JsonValue* value = present(object, name);
  if (value == nullptr) return std::optional<int64_t>();
  if (!value->IsInt64()) return fail(wrong_type(name));
  return std::optional<int64_t>(value->GetInt64());
}

Result<std::optional<bool>> read_bool(const JsonValue& object, const char* name) {
  const JsonValue* value = present(object, name);
  if (value == nullptr) return std::optional<bool>();
  if (!value->IsBool()) return fail(wrong_type(name));
  return std::optional<bool>(value->GetBool());
}

Result<const JsonValue*> read_object(const JsonValue& object, const char* name) {
  const JsonValue* value = present(object, name);
  if (value != nullptr && !value->IsObject()) return fail(wrong_type(name));
  return value;
}

Result<const JsonValue*> read_array(const JsonValue& object, const char* name) {
  const JsonValue* value = present(object, name);
  if (value != nullptr && !value->IsArray()) return fail(wrong_type(name));
  return value;
}

Result<std::optional<std::vector<std::string>>> read_string_list(const JsonValue& object, const char* name) {
  auto list = read_array(object, name);
  if (!list) return fail(list.error());
  if (*list == nullptr) return std::optional<std::vector<std::string>>();
  std::vector<std::string> out;
  for (const auto& element : (*list)->GetArray()) {
    if (!element.IsString()) return fail(wrong_type(name));
    out.emplace_back(element.GetString(), element.GetStringLength());
  }
  return std::optional<std::vector<std::string>>(std::move(out));
}

void Violations::add(std::string_view path, const std::optional<std::string>& value, std::string_view constraint) {
  std::string message = value ? "Value '" + *value + "'" : std::string("Value null");
  message += " at '" + std::string(path) + "' failed to satisfy constraint: " + std::string(constraint);
  messages_.push_back(std::move(message));
}

void Violations::range(std::string_view path, const std::optional<int64_t>& value, int64_t min, int64_t max) {
  if (!value) return;
  if (*value < min) {
    add(path, std::to_string(*value), "Member must have value greater than or equal to " + std::to_string(min));
  } else if (*value > max) {
    add(path, std::to_string(*value), "Member must have value less than or equal to " + std::to_string(max));
  }
}

void Violations::length(std::string_view path, const std::string& value, std::size_t min, std::size_t max) {
  if (value.size() < min) {
    add(path, value, "Member must have length greater than or equal to " + std::to_string(min));
  } else if (value.size() > max) {
    add(path, value, "Member must have length less than or equal to " + std::to_string(max));
  }
}

Result<void> Violations::result() const {
  if (messages_.empty()) return {};
  std::string text = std::to_string(messages_.size()) +
                     (messages_.size() == 1 ? " validation error detected: " : " validation errors detected: ");
  for (std::size_t i = 0; i < messages_.size(); ++i) text += (i > 0 ? "; " : "") + messages_[i];
  return fail(ApiError::validation(text));
}

}  // namespace eddy::lambda_api
