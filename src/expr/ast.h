// The syntax trees of DynamoDB expressions. One tree shape serves two stages:
//  - as parsed (and cached): path elements may be "#name" placeholders and values are ":v"
//    placeholders;
//  - as resolved for one request (resolver.h): every path holds real attribute names and every
//    value operand holds its AttributeValue.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "expr/expression.h"
#include "model/attribute_value.h"

namespace eddy::expr {

// A path element before resolution: a name (or "#placeholder") or a list index.
struct RawPathElement {
  std::string name;    // the name or "#placeholder"; for an index, its digits as written
  int64_t index = -1;  // >= 0 for a list index (may exceed int range until checked)
};

enum class OperandKind {
  kPath,        // a.b[1]
  kValue,       // :v
  kFunction,    // size(a), if_not_exists(a, :v), list_append(a, :v) or a misplaced function
  kArithmetic,  // x + y, x - y (update expressions)
};

struct Operand {
  OperandKind kind = OperandKind::kPath;
  std::vector<RawPathElement> raw_path;  // kPath as written
  DocumentPath path;                     // kPath after resolution
  std::string placeholder;               // kValue as written (":v")
  AttributeValue value;                  // kValue after resolution
  std::string name;                      // kFunction name; kArithmetic "+" or "-"
  std::vector<Operand> args;             // kFunction arguments; kArithmetic left and right
  int parentheses = 0;                   // grouping parentheses written around this operand
};

enum class ConditionKind { kOr, kAnd, kNot, kComparison, kBetween, kIn, kFunction };
enum class Comparator { kEq, kNe, kLt, kLe, kGt, kGe };

struct ConditionNode {
  ConditionKind kind = ConditionKind::kFunction;
  Comparator comparator = Comparator::kEq;  // kComparison
  std::string function;                     // kFunction: attribute_exists, begins_with, ...
  std::vector<ConditionNode> children;      // kOr, kAnd (two), kNot (one)
  std::vector<Operand> operands;            // kComparison (2), kBetween (3), kIn (1 + list), kFunction
  int parentheses = 0;
};

struct ConditionTree {
  ConditionNode root;
};

enum class UpdateClause { kSet, kRemove, kAdd, kDelete };

struct UpdateAction {
  UpdateClause clause = UpdateClause::kSet;
  Operand path;   // kPath: the attribute the action changes
  Operand value;  // SET: the new value's expression; ADD/DELETE: the value; REMOVE: unused
};

struct UpdateTree {
  std::vector<UpdateAction> actions;  // in the order written
};

// ProjectionExpression before resolution.
struct ProjectionTree {
  std::vector<Operand> paths;
};

const char* comparator_text(Comparator comparator);

}  // namespace eddy::expr
