// bind_statement: the checks and conversions a statement needs before its table is looked up, in the
// order DynamoDB makes them: '?' parameters bound, literals converted to AttributeValues, the WHERE
// clause and the SET/REMOVE actions translated into expression trees (translator.h) and checked, the
// projection's paths checked, table and index names checked.
//
// Parameters are taken as each '?' is met, as DynamoDB takes them: a '?' without a parameter is
// "Number of parameters in request and statement don't match." where it stands (a '?' where no value
// may stand, such as in a list literal or a path, gets that place's own error), and parameters
// beyond the last '?' are ignored.
//
// The flow an operation follows:
//   parse_statement(text)                        syntax (parser.h)
//   bind_statement(statement, parameters, ctx)   everything that needs no table (this file)
//   look up bound_table(bound).table             ResourceNotFoundException, the operation's wording
//   plan_statement(bound, table, ctx)            key conditions, full keys, ORDER BY (planner.h)
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "expr/ast.h"
#include "expr/expression.h"
#include "model/api_error.h"
#include "model/attribute_value.h"
#include "partiql/ast.h"

namespace eddy::partiql {

// Which operation runs the statement: some statements are refused by one and not another, with
// different words (EXISTS only in ExecuteTransaction, reads by key only in batches and transactions).
enum class StatementContext { kExecuteStatement, kBatch, kTransaction };

struct BoundOrderTerm {
  std::string attribute;  // the attribute ordered by; empty when the term is no attribute name
  std::string type;       // otherwise how DynamoDB names the term: "PATH", or the literal as written
  bool descending = false;
};

struct BoundSelect {
  TableRef from;
  bool all_attributes = true;                  // SELECT *
  std::vector<expr::DocumentPath> projection;  // SELECT a, b.c: in the order written
  std::optional<expr::ConditionTree> where;    // resolved: paths are names, values are values
  std::vector<BoundOrderTerm> order_by;
};

struct BoundInsert {
  TableRef into;
  Item item;
  bool returning = false;
};

struct BoundUpdate {
  TableRef table;
  expr::UpdateTree update;  // resolved, in the order written
  expr::ConditionTree where;
  Returning returning = Returning::kNone;
};

struct BoundDelete {
  TableRef from;
  expr::ConditionTree where;
  Returning returning = Returning::kNone;
};

// EXISTS(SELECT ...) in ExecuteTransaction: TransactWriteItems' ConditionCheck.
struct BoundConditionCheck {
  BoundSelect select;
};

using BoundStatement = std::variant<BoundSelect, BoundInsert, BoundUpdate, BoundDelete, BoundConditionCheck>;

Result<BoundStatement> bind_statement(const Statement& statement, const std::vector<AttributeValue>& parameters,
                                      StatementContext context);

// The table (and index) a bound statement names.
const TableRef& bound_table(const BoundStatement& statement);

}  // namespace eddy::partiql
