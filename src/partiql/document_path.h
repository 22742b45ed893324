// PartiQL paths (a.b[1]."c d", a['b']) to eddy's document paths, refused where DynamoDB refuses them:
// a.* and a[*] (unpivot and wildcard), a[x] or a[1.5] ("Unexpected path component"), negative or
// out-of-range list indexes, empty names, and paths that do not start at an attribute.
#pragma once

#include <string>

#include "expr/expression.h"
#include "model/api_error.h"
#include "partiql/ast.h"

namespace eddy::partiql {

Result<expr::DocumentPath> document_path(const Expr& path);

// The name a projected path answers under, which DynamoDB keeps unique in a SELECT list: its last
// name with the list indexes after it ("b" for a.b, "b[1]" for a.b[1]).
std::string output_name(const expr::DocumentPath& path);

}  // namespace eddy::partiql
