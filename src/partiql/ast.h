// The statement model: what parse_statement makes of a PartiQL statement. It keeps the general shape
// PartiQL allows (any expression where one may stand, with its source location) so that the binder
// can refuse what DynamoDB refuses with DynamoDB's words, instead of the parser failing early with
// a vaguer "not well formed".
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "partiql/source_location.h"

namespace eddy::partiql {

struct SelectStatement;

enum class ExprKind {
  kLiteral,     // 'text', 12, 1.5, true, false, null
  kMissing,     // MISSING
  kIonLiteral,  // `...` (text: the Ion type DynamoDB names: SYMBOL, STRUCT, INT, ...)
  kTyped,       // DATE '...', TIME '...'
  kParameter,   // ?
  kPath,        // a.b[1]."c d" (text: the root; children[0] instead when the root is no identifier)
  kList,        // [a, b] or (a, b)
  kBag,         // <<a, b>>
  kStruct,      // {k: v, ...}: children are key, value, key, value, ...
  kUnary,       // + or - before something that is not a number literal
  kArithmetic,  // + - * / % || (text: the operator)
  kComparison,  // = <> != < <= > >= (text: the operator)
  kAnd,
  kOr,
  kNot,
  kIn,        // children: value, candidates
  kBetween,   // children: value, low, high
  kLike,      // children: value, pattern
  kIs,        // children: operand; text: the type (MISSING, NULL, BOOLEAN, ...), in upper case
  kCall,      // text: the function name as written; children: arguments
  kSubquery,  // (SELECT ...), also EXISTS's argument
  kStar,      // * as a function argument: COUNT(*)
};

enum class LiteralKind { kString, kNumber, kBoolean, kNull };

// One step of a path after its root.
struct PathStep {
  enum class Kind {
    kName,        // .b, ."b c", ['b']
    kIndex,       // [1] (text: the index as written, with its sign)
    kWildcard,    // [*]
    kUnpivot,     // .*
    kExpression,  // [x], [1.5], [?]: refused as "Unexpected path component"
  };
  Kind kind = Kind::kName;
  std::string text;
  SourceLocation where;
};

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  SourceLocation where;  // operators: the operator; calls: the name; literals and paths: their first token
  LiteralKind literal = LiteralKind::kNull;
  bool decimal = false;  // number literal written with a '.' or an exponent
  // String value; number text (with a leading '-' when negated); identifier; operator; function name.
  std::string text;
  bool negated = false;  // NOT IN, NOT BETWEEN, NOT LIKE, IS NOT
  int parameter = -1;    // kParameter: its position among the statement's '?', from 0
  std::vector<PathStep> steps;
  std::vector<Expr> children;
  std::shared_ptr<const SelectStatement> subquery;

  bool is_identifier() const { return kind == ExprKind::kPath && steps.empty() && children.empty(); }
};

// FROM "Table" or "Table"."Index".
struct TableRef {
  std::string table;
  std::optional<std::string> index;
};

// RETURNING (ALL | MODIFIED) (OLD | NEW) *.
enum class Returning { kNone, kAllOld, kModifiedOld, kAllNew, kModifiedNew };

struct OrderTerm {
  Expr key;
  bool descending = false;
};

struct SelectStatement {
  bool star = false;
  std::vector<Expr> projection;  // when not star
  TableRef from;
  std::optional<Expr> where;
  std::vector<OrderTerm> order_by;
  SourceLocation select_keyword;
};

struct InsertStatement {
  TableRef into;
  Expr value;
  bool returning = false;  // refused once the table is known, as DynamoDB does
};

struct UpdateAction {
  bool remove = false;  // REMOVE path; otherwise SET path = value
  Expr target;
  Expr value;
};

struct UpdateStatement {
  TableRef table;
  std::vector<UpdateAction> actions;  // in the order written
  std::optional<Expr> where;
  Returning returning = Returning::kNone;
};

struct DeleteStatement {
  TableRef from;
  std::optional<Expr> where;
  Returning returning = Returning::kNone;
};

// A statement that is only an expression: EXISTS(SELECT ...) in ExecuteTransaction, or something
// DynamoDB refuses ("Unsupported operation: Literal").
struct ExpressionStatement {
  Expr expression;
  std::string operation;  // PartiQL's DDL: "CreateTable", "DropTable", "CreateIndex", "DropIndex"
};

struct Statement {
  std::variant<SelectStatement, InsertStatement, UpdateStatement, DeleteStatement, ExpressionStatement> body;
  std::size_t parameter_count = 0;  // the '?' in the statement
  std::string text;                 // the statement as sent
};

const char* returning_text(Returning returning);  // "ALL OLD *", ...

}  // namespace eddy::partiql
