// ExpressionParameters: one request's ExpressionAttributeNames and ExpressionAttributeValues, read
// and checked once and shared by every expression of the request (UpdateItem's UpdateExpression
// and ConditionExpression, a Query's key condition, filter and projection), so that the unused-
// placeholder check sees them all.
//
// DynamoDB checks a request's expression members in this order, each with its own message:
//   1. check_expression_use: legacy and expression parameters mixed; names or values given
//      without an expression that could use them;
//   2. ExpressionParameters::read: empty maps, malformed placeholder keys, invalid values;
//   3. the expressions themselves (syntax, then placeholders), in the operation's order;
//   4. check_all_used: unused names, then unused values.
// All of them run before the table is looked up.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "expr/expression.h"
#include "model/api_error.h"
#include "model/attribute_value.h"
#include "protocol/json.h"

namespace eddy::ops {

// The expression and legacy members one operation accepts, for the checks of step 1.
struct ExpressionMembers {
  std::vector<const char*> expressions;        // e.g. {"UpdateExpression", "ConditionExpression"}
  std::vector<const char*> legacy;             // e.g. {"AttributeUpdates", "Expected", "ConditionalOperator"}
};

// Step 1. ValidationException "Can not use both expression and non-expression parameters in the
// same request: ...", "ExpressionAttributeNames can only be specified when using expressions",
// "ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and
// ConditionExpression are null" (ProjectionExpression takes no values and is never listed).
Result<void> check_expression_use(const JsonValue& request, const ExpressionMembers& members);

class ExpressionParameters {
 public:
  // Step 2. `read_values_member` is false for operations without ExpressionAttributeValues (GetItem,
  // BatchGetItem, TransactGetItems), which ignore the member as DynamoDB does.
  static Result<ExpressionParameters> read(const JsonValue& request, bool read_values_member = true);

  // What the request's expressions are parsed and resolved with.
  expr::ExpressionAttributes& attributes() { return *attributes_; }
  // Step 4: "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a}" etc.
  Result<void> check_all_used() const { return attributes_->check_all_used(); }
  bool has_values() const { return values_ != nullptr; }

 private:
  // Held by pointer so that `attributes_`, which points at them, survives moves.
  std::unique_ptr<const std::map<std::string, std::string>> names_;
  std::unique_ptr<const AttributeMap> values_;
  std::unique_ptr<expr::ExpressionAttributes> attributes_;
};

}  // namespace eddy::ops
