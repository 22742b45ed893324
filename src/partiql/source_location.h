// SourceLocation: where a token or expression sits in a PartiQL statement, the way DynamoDB's
// messages cite it (" at 1:30:3" is line 1, column 30, 3 characters long). Lines and columns count
// from 1; columns and lengths count characters (code points): an "é" is one column, and so is an
// emoji (DynamoDB Local counts the same).
#pragma once

#include <string>

namespace eddy::partiql {

struct SourceLocation {
  int line = 0;  // 0: unknown
  int column = 0;
  int length = 0;

  bool known() const { return line > 0; }
  // " at L:C:N", or "" when unknown.
  std::string suffix() const {
    if (!known()) return "";
    return " at " + std::to_string(line) + ":" + std::to_string(column) + ":" + std::to_string(length);
  }
};

}  // namespace eddy::partiql
