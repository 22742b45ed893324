// Admin answers' error bodies; see admin_call.h.
#include "admin/admin_call.h"

#include "protocol/json_text.h"

namespace eddy::admin {

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
