// PartiQL's shared members; see statement_members.h.
#include "protocol/requests/statement_members.h"

#include "protocol/attribute_value_json.h"

namespace eddy::protocol {

Result<void> read_parameters(const JsonValue* value, std::optional<StatementParameters>& out) {
  if (value == nullptr) return {};
  EDDY_TRY_VOID(expect_list(*value));
  StatementParameters parameters;
  parameters.reserve(value->Size());
  for (const auto& element : value->GetArray()) {
    EDDY_TRY(AttributeValue parameter, decode_attribute_value(element));
    parameters.push_back(std::move(parameter));
  }
  out = std::move(parameters);
  return {};
}

Result<void> check_statement_length(const std::string& statement) {
  std::size_t characters = 0;
  for (unsigned char c : statement) {
    if ((c & 0xC0) != 0x80) ++characters;  // count UTF-8 lead bytes only
  }
  if (characters > kMaxStatementCharacters) {
    return validation_error("Member must have length less than or equal to " + std::to_string(kMaxStatementCharacters));
  }
  return {};
}

}  // namespace eddy::protocol
