// The expression engine's public face: what operations call to parse, resolve and evaluate
// DynamoDB's five kinds of expression (condition, update, projection, filter, key condition)
// and the legacy parameters (Expected, AttributeUpdates, AttributesToGet, KeyConditions,
// QueryFilter/ScanFilter) that are translated into the same trees.
//
// Flow: an operation creates one ExpressionAttributes per request from ExpressionAttributeNames
// and ExpressionAttributeValues, parses each expression it has (which resolves placeholders and
// records which were used), then calls check_all_used() once, then evaluates.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/api_error.h"
#include "model/attribute_value.h"

namespace eddy::expr {

// One request's ExpressionAttributeNames/Values and which of them the parsed expressions used.
class ExpressionAttributes {
 public:
  ExpressionAttributes(const std::map<std::string, std::string>* names, const AttributeMap* values);
  // ValidationException when a name or value was supplied but not used, with DynamoDB's text:
  // "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a}" /
  // "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}".
  Result<void> check_all_used() const;
  // (Implementation detail members are defined in the .h by the engine's authors.)
  const std::map<std::string, std::string>* names() const { return names_; }
  const AttributeMap* values() const { return values_; }
  std::set<std::string>& used_names() { return used_names_; }
  std::set<std::string>& used_values() { return used_values_; }

 private:
  const std::map<std::string, std::string>* names_;
  const AttributeMap* values_;
  std::set<std::string> used_names_;
  std::set<std::string> used_values_;
};

// A document path after name resolution: top-level attribute name, then map keys / list indexes.
struct PathElement {
  std::string name;  // map member (or the top-level attribute) when index < 0
  int index = -1;    // list index when >= 0
};
using DocumentPath = std::vector<PathElement>;

// Opaque parsed trees (defined in the engine's own headers).
struct ConditionTree;
struct UpdateTree;

// A parsed condition/filter: evaluation against an item (an empty item = the item does not exist).
class Condition {
 public:
  Condition();
  explicit Condition(std::shared_ptr<const ConditionTree> tree);
  // True when the item satisfies the condition. Comparisons of different types are false.
  // Some errors only show at evaluation (e.g. a function given an operand of a wrong type is
  // just false in DynamoDB; real errors are returned as ValidationException).
  Result<bool> evaluate(const Item& item) const;
  bool empty() const { return tree_ == nullptr; }
  const ConditionTree* tree() const { return tree_.get(); }

 private:
  std::shared_ptr<const ConditionTree> tree_;
};

// ConditionExpression (kind "ConditionExpression") or FilterExpression ("FilterExpression"):
// syntax errors read "Invalid ConditionExpression: Syntax error; token: \"x\", near: \"a x\"" etc.
Result<Condition> parse_condition(std::string_view text, std::string_view kind, ExpressionAttributes& attrs);

// A parsed UpdateExpression.
class Update {
 public:
  Update();
  explicit Update(std::shared_ptr<const UpdateTree> tree);
  // Applies to `item` (which may be empty: an upsert). Fails with DynamoDB's errors ("The
  // document path provided in the update expression is invalid for update", "An operand in the
  // update expression has an incorrect data type", number overflow, ...); `item` is unchanged on failure.
  Result<void> apply(Item& item) const;
  // The top-level attribute names this update touches (for ReturnValues UPDATED_OLD/UPDATED_NEW
  // the engine returns the touched paths; see updated_paths()).
  std::vector<DocumentPath> updated_paths() const;
  // Whether every action removes (REMOVE, DELETE) and there is at least one: DynamoDB then creates
  // no item where there was none (UpdateItem and a transaction's Update write nothing).
  bool only_removes() const;
  const UpdateTree* tree() const { return tree_.get(); }

 private:
  std::shared_ptr<const UpdateTree> tree_;
};

// UpdateExpression; checks clause repetition, overlapping paths ("Two document paths overlap with
// each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]").
// Key attributes may not be updated: the caller passes the key attribute names so that the error
// "Cannot update attribute pk. This attribute is part of the key" is raised here.
Result<Update> parse_update(std::string_view text, ExpressionAttributes& attrs,
                            const std::vector<std::string>& key_attribute_names);

// ProjectionExpression: a list of document paths.
struct Projection {
  std::vector<DocumentPath> paths;
  bool empty() const { return paths.empty(); }
  // The item reduced to the projected paths (nested paths keep their enclosing maps/lists).
  Item apply(const Item& item) const;
};
Result<Projection> parse_projection(std::string_view text, ExpressionAttributes& attrs);

// KeyConditionExpression, checked against the table's or index's key schema. Key schemas have one
// partition-key and at most one sort-key attribute, except multi-attribute GSI keys (up to four of
// each): every partition-key attribute must be matched with "=", sort-key attributes may be matched
// with "=" left to right, and the last one given may use any sort operator.
struct KeyCondition {
  enum class SortOp { kNone, kEq, kLt, kLe, kGt, kGe, kBetween, kBeginsWith };
  std::vector<std::pair<std::string, AttributeValue>> partition;    // in key-schema order
  std::vector<std::pair<std::string, AttributeValue>> sort_prefix;  // leading sort attributes matched with "="
  SortOp sort_op = SortOp::kNone;                                   // condition on the next sort attribute, if any
  std::string sort_key;
  AttributeValue sort_value;   // the operand (lower bound for BETWEEN)
  AttributeValue sort_value2;  // upper bound for BETWEEN
};
Result<KeyCondition> parse_key_condition(std::string_view text, ExpressionAttributes& attrs,
                                         const std::vector<std::string>& partition_key_names,
                                         const std::vector<std::string>& sort_key_names);

}  // namespace eddy::expr
