// Admin answers' error bodies; see admin_call.h.
#include "admin/admin_call.h"

#include <cstdlib>

#include "protocol/json_text.h"

namespace eddy::admin {

std::optional<uint64_t> query_number(const AdminCall& call, const char* name, uint64_t fallback, uint64_t low,
                                     uint64_t high) {
  auto found = call.query.find(name);
  if (found == call.query.end()) return fallback;
  const std::string& text = found->second;
  if (text.empty() || text.size() > 12 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  uint64_t value = std::strtoull(text.c_str(), nullptr, 10);
  if (value < low || value > high) return std::nullopt;
  return value;
}

AdminAnswer admin_error(int status, std::string_view type, std::string_view message, std::string_view extra_json) {
  std::string body = "{\"__type\":";
  append_json_string(body, "eddy.admin#" + std::string(type));
  body += ",\"message\":";
  append_json_string(body, message);
  if (!extra_json.empty()) {
    body += ',';
    body += extra_json;
  }
  body += '}';
  return AdminAnswer{status, std::move(body), nullptr};
}

AdminAnswer validation_failure(std::string_view message) { return admin_error(400, "ValidationException", message); }
AdminAnswer not_found(std::string_view message) { return admin_error(400, "ResourceNotFoundException", message); }
AdminAnswer in_use(std::string_view message) { return admin_error(400, "ResourceInUseException", message); }

AdminAnswer api_failure(int status, std::string_view type_name, std::string_view message) {
  std::string_view type = type_name.substr(type_name.find('#') + 1);
  return admin_error(status, type, message);
}

}  // namespace eddy::admin
