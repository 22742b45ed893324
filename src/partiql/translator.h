// ExpressionTranslator: PartiQL expressions to the expression engine's trees (expr/ast.h), so that the
// condition evaluator and the update applier that serve ConditionExpression and UpdateExpression run
// PartiQL's WHERE and SET unchanged.
//
// The trees are built the way the expression parser builds them, with every attribute name as a
// "#n" placeholder and every value as a ":n" placeholder, and are then checked and resolved by the
// same code (expr/checks.h, expr/resolver.h). DynamoDB translates PartiQL the same way, which is why
// PartiQL's messages are those of the expressions without their "Invalid ConditionExpression: "
// prefix ("Incorrect number of operands for operator or function; operator or function: contains,
// number of operands: 1").
//
// Translation:
//   a = b, a <> b, a != b, a < b, ...  comparisons        a [NOT] IN [..] / (..) / <<..>>   IN
//   a [NOT] BETWEEN b AND c            BETWEEN            a IS [NOT] MISSING   attribute_[not_]exists(a)
//   a IS [NOT] NULL / BOOLEAN / STRING / NUMERIC / BLOB / STRUCT / TUPLE / LIST
//                                      [NOT] attribute_type(a, 'NULL' / 'BOOL' / 'S' / 'N' / 'B' / 'M' / 'M' / 'L')
//   begins_with, contains, attribute_type, attribute_exists, attribute_not_exists, size (any case)
//   SET a = b + 1, a = list_append(..), a = if_not_exists(..)   the same UpdateExpression operands
//   SET s = set_add(s, <<..>>) / set_delete(s, <<..>>)          ADD s <<..>> / DELETE s <<..>>
#pragma once

#include <map>
#include <string>
#include <vector>

#include "expr/ast.h"
#include "model/api_error.h"
#include "model/attribute_value.h"
#include "partiql/ast.h"

namespace eddy::partiql {

class ExpressionTranslator {
 public:
  explicit ExpressionTranslator(const std::vector<AttributeValue>& parameters) : parameters_(parameters) {}

  // A WHERE clause (or EXISTS's) as a checked and resolved condition tree.
  Result<expr::ConditionTree> where(const Expr& condition);
  // SET and REMOVE actions, in the order written, as a checked and resolved update tree.
  Result<expr::UpdateTree> update(const std::vector<UpdateAction>& actions);

 private:
  // translate_condition.cc
  Result<expr::ConditionNode> condition(const Expr& expr, const char* parent);
  Result<expr::ConditionNode> logical(const Expr& expr);
  Result<expr::ConditionNode> comparison(const Expr& expr);
  Result<expr::ConditionNode> in(const Expr& expr);
  Result<expr::ConditionNode> between(const Expr& expr);
  Result<expr::ConditionNode> is(const Expr& expr);
  Result<expr::ConditionNode> function(const Expr& expr, const char* parent);
  Result<expr::Operand> operand(const Expr& expr);
  Result<expr::Operand> call_operand(const Expr& expr, bool update_grammar);

  // translate_update.cc
  Result<expr::UpdateAction> set_action(const UpdateAction& action);
  Result<expr::UpdateAction> set_function(const UpdateAction& action, const std::string& function);
  Result<expr::Operand> update_operand(const Expr& expr);

  // Shared.
  Result<expr::Operand> path(const Expr& expr);
  Result<expr::Operand> value(const Expr& expr);
  expr::Operand placeholder_value(AttributeValue value);
  const std::string& name_placeholder(const std::string& name);

  const std::vector<AttributeValue>& parameters_;
  std::map<std::string, std::string> names_;           // "#0" -> attribute name
  std::map<std::string, std::string> placeholder_of_;  // attribute name -> "#0"
  AttributeMap values_;                                // ":0" -> value
  int operators_ = 0;
};

// The expression engine's function name for a PartiQL call: PartiQL's names have no case.
std::string function_name(const Expr& call);

// How DynamoDB names an operator where it does not take one ("like", "||", "+", "and").
std::string operator_name(const Expr& expr);

}  // namespace eddy::partiql
