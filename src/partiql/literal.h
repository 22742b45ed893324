// Literal values: PartiQL's Ion-like literals (and '?' parameters) to AttributeValues, with DynamoDB's
// rules and words:
//   'text' -> S; 12, 1.5, 1e3 -> N (exact decimal text, see number_literal.h); true/false -> BOOL;
//   null -> NULL; [..] and (a, b) -> L; {'k': v} -> M (keys are strings, unique, not empty);
//   <<..>> -> SS or NS (all strings or all numbers, no duplicates, not empty); ? -> the parameter,
//   only where a whole value stands (a '?' inside a list, map or set is refused).
// Errors name where the value sits: "under key root" for the value itself, "root.a.1" for member 1
// of member a, and cite the location where DynamoDB does.
#pragma once

#include <string>
#include <vector>

#include "model/api_error.h"
#include "model/attribute_value.h"
#include "partiql/ast.h"

namespace eddy::partiql {

// A value may sit at most this many lists or maps deep in a literal (with the attribute itself, the
// 32 levels of any DynamoDB document); DynamoDB Local takes 31 nested lists and refuses 32.
inline constexpr int kMaxLiteralDepth = 31;

// True for the expression kinds that literal_value converts (or refuses as a value): literals,
// parameters, lists, bags, structs, MISSING, Ion and typed literals.
bool is_value_expression(const Expr& expr);

// `expr` as an AttributeValue. `parameters` are the request's Parameters, in '?' order; a '?' past
// their end is "Number of parameters in request and statement don't match.". A path, call or
// operator where a value must stand is "Unsupported data type: <what> under key <root>".
Result<AttributeValue> literal_value(const Expr& expr, const std::vector<AttributeValue>& parameters);

// The same for a value that sits under `under` (INSERT names each top-level attribute "root").
Result<AttributeValue> literal_value_under(const Expr& expr, const std::vector<AttributeValue>& parameters,
                                           const std::string& under);

// How DynamoDB names the kind of a non-string map key: INT, DECIMAL, BOOL, NULL, VariableReference,
// Seq, Struct, LiteralMissing, Parameter, ...
std::string key_kind_name(const Expr& key);

}  // namespace eddy::partiql
