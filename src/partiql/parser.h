// parse_statement: the PartiQL layer's entry point, from statement text to the statement model
// (ast.h). It has no state of its own and never throws, so it can be fed any bytes (a fuzzer's
// included); nesting deeper than kMaxNestingDepth is refused instead of exhausting the stack.
//
// It reports, with DynamoDB's texts:
//  - text that is no PartiQL statement: "Statement wasn't well formed, can't be processed: <text>";
//  - PartiQL that DynamoDB's dialect does not have, once the whole statement has parsed: LIMIT,
//    GROUP BY, aliases, joins, DISTINCT, SELECT VALUE, INSERT ... AT, CREATE TABLE, ... (the first
//    one in the text, see docs/partiql.md).
// Everything that needs values (literals, parameters) is checked by bind_statement (binder.h), and
// everything that needs the table by plan_statement (planner.h).
#pragma once

#include <string_view>

#include "model/api_error.h"
#include "partiql/ast.h"

namespace eddy::partiql {

// Brackets (parentheses, lists, bags, structs, calls, subqueries) nested deeper than this are refused
// with DynamoDB's "Nesting Levels have exceeded supported limits"; DynamoDB itself accepts 200
// nested parentheses, and documents nest at most 32 levels.
inline constexpr int kMaxNestingDepth = 256;

Result<Statement> parse_statement(std::string_view text);

}  // namespace eddy::partiql
