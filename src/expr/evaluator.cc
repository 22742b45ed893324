// Condition evaluation: comparisons, BETWEEN, IN, AND/OR/NOT and the condition functions.
// Type mismatches evaluate to false, as in DynamoDB; all errors were raised while resolving.
#include "expr/evaluator.h"

#include <algorithm>

#include "expr/document_path.h"
#include "expr/value_rules.h"

namespace eddy::expr {
namespace {

std::size_t utf16_length(const std::string& s) {
  std::size_t units = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    units += c >= 0xF0 ? 2 : 1;        // four-byte sequences are surrogate pairs
  }
  return units;
}

bool compare(Comparator comparator, const AttributeValue* a, const AttributeValue* b) {
  // A missing attribute equals nothing, so "<>" holds whenever either side is missing.
  bool missing = a == nullptr || b == nullptr;
  if (comparator == Comparator::kEq) return !missing && *a == *b;
  if (comparator == Comparator::kNe) return missing || !(*a == *b);
  if (missing) return false;
  if (a->type != b->type || !is_ordered_type(a->type)) return false;
  int order = compare_ordered(*a, *b);
  switch (comparator) {
    case Comparator::kLt: return order < 0;
    case Comparator::kLe: return order <= 0;
    case Comparator::kGt: return order > 0;
    case Comparator::kGe: return order >= 0;
    default: return false;
  }
}

bool set_contains(const AttributeValue& set, const AttributeValue& member) {
  AttributeType element = set.type == AttributeType::kSS   ? AttributeType::kS
                          : set.type == AttributeType::kNS ? AttributeType::kN
                                                           : AttributeType::kB;
  if (member.type != element) return false;
  if (element != AttributeType::kN) {
    return std::find(set.set.begin(), set.set.end(), member.scalar) != set.set.end();
  }
  AttributeValue candidate;
  candidate.type = AttributeType::kN;
  for (const std::string& n : set.set) {
    candidate.scalar = n;
    if (compare_ordered(candidate, member) == 0) return true;
  }
  return false;
}

bool contains(const AttributeValue* haystack, const AttributeValue* needle) {
  if (haystack == nullptr || needle == nullptr) return false;
  switch (haystack->type) {
    case AttributeType::kS:
    case AttributeType::kB:
      return needle->type == haystack->type && haystack->scalar.find(needle->scalar) != std::string::npos;
    case AttributeType::kSS:
    case AttributeType::kNS:
    case AttributeType::kBS: return set_contains(*haystack, *needle);
    case AttributeType::kL:
      return std::find(haystack->list.begin(), haystack->list.end(), *needle) != haystack->list.end();
    default: return false;
  }
}

bool begins_with(const AttributeValue* value, const AttributeValue* prefix) {
  if (value == nullptr || prefix == nullptr || value->type != prefix->type) return false;
  if (value->type != AttributeType::kS && value->type != AttributeType::kB) return false;
  return value->scalar.compare(0, prefix->scalar.size(), prefix->scalar) == 0;
}

bool function(const ConditionNode& node, const Item& item) {
  const std::string& fn = node.function;
  if (fn == "attribute_exists") return find_path(item, node.operands[0].path) != nullptr;
  if (fn == "attribute_not_exists") return find_path(item, node.operands[0].path) == nullptr;
  OperandValue first, second;
  evaluate_condition_operand(node.operands[0], item, first);
  evaluate_condition_operand(node.operands[1], item, second);
  if (fn == "attribute_type") {
    if (first.value == nullptr || second.value == nullptr || second.value->type != AttributeType::kS) return false;
    return second.value->scalar == type_name(first.value->type);
  }
  if (fn == "begins_with") return begins_with(first.value, second.value);
  if (fn == "contains") return contains(first.value, second.value);
  return false;
}

bool between(const ConditionNode& node, const Item& item) {
  OperandValue v, low, high;
  evaluate_condition_operand(node.operands[0], item, v);
  evaluate_condition_operand(node.operands[1], item, low);
  evaluate_condition_operand(node.operands[2], item, high);
  if (v.value == nullptr || low.value == nullptr || high.value == nullptr) return false;
  if (v.value->type != low.value->type || v.value->type != high.value->type) return false;
  if (!is_ordered_type(v.value->type)) return false;
  return compare_ordered(*low.value, *v.value) <= 0 && compare_ordered(*v.value, *high.value) <= 0;
}

bool in_list(const ConditionNode& node, const Item& item) {
  OperandValue v;
  evaluate_condition_operand(node.operands[0], item, v);
  if (v.value == nullptr) return false;
  for (std::size_t i = 1; i < node.operands.size(); ++i) {
    OperandValue candidate;
    evaluate_condition_operand(node.operands[i], item, candidate);
    if (candidate.value != nullptr && *candidate.value == *v.value) return true;
  }
  return false;
}

}  // namespace

std::optional<std::size_t> value_size(const AttributeValue& value) {
  switch (value.type) {
    case AttributeType::kS: return utf16_length(value.scalar);
    case AttributeType::kB: return value.scalar.size();
    case AttributeType::kSS:
    case AttributeType::kNS:
    case AttributeType::kBS: return value.set.size();
    case AttributeType::kL: return value.list.size();
    case AttributeType::kM: return value.map.size();
    default: return std::nullopt;
  }
}

void evaluate_condition_operand(const Operand& operand, const Item& item, OperandValue& out) {
  switch (operand.kind) {
    case OperandKind::kPath: out.value = find_path(item, operand.path); return;
    case OperandKind::kValue: out.value = &operand.value; return;
    default: {
      // size(): the only function a resolved condition operand can be.
      OperandValue arg;
      evaluate_condition_operand(operand.args[0], item, arg);
      std::optional<std::size_t> size = arg.value ? value_size(*arg.value) : std::nullopt;
      if (!size) {
        out.value = nullptr;
        return;
      }
      out.computed = AttributeValue::number(std::to_string(*size));
      out.value = &out.computed;
      return;
    }
  }
}

bool evaluate_node(const ConditionNode& node, const Item& item) {
  switch (node.kind) {
    case ConditionKind::kOr: return evaluate_node(node.children[0], item) || evaluate_node(node.children[1], item);
    case ConditionKind::kAnd: return evaluate_node(node.children[0], item) && evaluate_node(node.children[1], item);
    case ConditionKind::kNot: return !evaluate_node(node.children[0], item);
    case ConditionKind::kComparison: {
      OperandValue a, b;
      evaluate_condition_operand(node.operands[0], item, a);
      evaluate_condition_operand(node.operands[1], item, b);
      return compare(node.comparator, a.value, b.value);
    }
    case ConditionKind::kBetween: return between(node, item);
    case ConditionKind::kIn: return in_list(node, item);
    case ConditionKind::kFunction: return function(node, item);
  }
  return false;
}

const char* comparator_text(Comparator comparator) {
  switch (comparator) {
    case Comparator::kEq: return "=";
    case Comparator::kNe: return "<>";
    case Comparator::kLt: return "<";
    case Comparator::kLe: return "<=";
    case Comparator::kGt: return ">";
    case Comparator::kGe: return ">=";
  }
  return "=";
}

}  // namespace eddy::expr
