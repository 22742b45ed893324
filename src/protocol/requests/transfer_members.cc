// The shared export and import members; see transfer_members.h.
#include "protocol/requests/transfer_members.h"

#include "model/result.h"

namespace eddy::protocol {

Result<void> read_timestamp(const JsonValue* value, std::optional<double>& out) {
  if (value == nullptr) return {};
  if (!value->IsNumber()) return fail(ApiError::serialization("Unexpected field type"));
  out = value->GetDouble();
  return {};
}

Result<void> check_client_token(const std::optional<std::string>& token) {
  if (token && (token->empty() || token->find('$') != std::string::npos)) {
    return validation_error("1 validation error detected: Value '" + *token +
                            "' at 'clientToken' failed to satisfy constraint: Member must satisfy regular expression "
                            "pattern: ^[^\\$]+$");
  }
  return {};
}

}  // namespace eddy::protocol
