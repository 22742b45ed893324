// The members PartiQL's three operations share — Statement and Parameters — with the checks
// DynamoDB makes on them before the statement is parsed. Statement is 1 to 8192 characters; an
// empty one reaches the parser ("Statement wasn't well formed, can't be processed: "), a longer
// one is refused with the constraint's text alone ("Member must have length less than or equal to
// 8192"), as DynamoDB Local answers. Parameters are AttributeValues, at least one when sent
// (the service model's constraint).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/attribute_value.h"
#include "model/result.h"
#include "protocol/json.h"
#include "protocol/shape.h"

namespace eddy::protocol {

inline constexpr std::size_t kMaxStatementCharacters = 8192;

using StatementParameters = std::vector<AttributeValue>;

// Reads a list of AttributeValues.
Result<void> read_parameters(const JsonValue* value, std::optional<StatementParameters>& out);

template <typename R>
typename Shape<R>::Member parameters_member(std::optional<StatementParameters> R::*field) {
  return custom_member<R>("Parameters",
                          [field](const JsonValue* value, R& out) { return read_parameters(value, out.*field); },
                          {length(1)})
      .printed_as("[AttributeValue]");
}

// "Member must have length less than or equal to 8192" for a longer statement (in characters).
Result<void> check_statement_length(const std::string& statement);

}  // namespace eddy::protocol
