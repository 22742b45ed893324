// Filter patterns: the tree of a pattern's members, and matching it against a record; the
// language is described in filter_pattern.h, its leaf rules in filter_rule.cc.
#include "triggers/filter_pattern.h"

#include <algorithm>

#include "protocol/json_parse.h"

namespace eddy::triggers {

struct FilterPattern::Node {
  struct Field {
    std::string name;
    std::shared_ptr<const Node> nested;  // an object in the pattern
    std::vector<FilterRule> rules;       // an array in the pattern: a leaf
  };
  std::vector<Field> fields;
  std::vector<std::vector<Node>> alternatives;  // one list per "$or"
};

namespace {

using Node = FilterPattern::Node;

// Patterns are at most 4,096 characters; this only keeps a hostile one off the stack.
constexpr int kMaxDepth = 64;

Result<Node> parse_node(const JsonValue& object, int depth);

Result<std::vector<Node>> parse_alternatives(const JsonValue& list, int depth) {
  if (!list.IsArray() || list.Size() < 2) return fail(invalid_filter_pattern());
  std::vector<Node> alternatives;
  for (const auto& alternative : list.GetArray()) {
    auto node = parse_node(alternative, depth + 1);
    if (!node) return fail(node.error());
    alternatives.push_back(std::move(*node));
  }
  return alternatives;
}

Result<std::vector<FilterRule>> parse_rules(const JsonValue& list) {
  if (list.Empty()) return fail(invalid_filter_pattern());
  std::vector<FilterRule> rules;
  for (const auto& element : list.GetArray()) {
    auto rule = FilterRule::parse(element);
    if (!rule) return fail(rule.error());
    rules.push_back(std::move(*rule));
  }
  return rules;
}

Result<Node> parse_node(const JsonValue& object, int depth) {
  if (depth > kMaxDepth || !object.IsObject() || object.MemberCount() == 0) return fail(invalid_filter_pattern());
  Node node;
  for (const auto& member : object.GetObject()) {
    std::string name(member.name.GetString(), member.name.GetStringLength());
    if (name == "$or") {
      auto alternatives = parse_alternatives(member.value, depth);
      if (!alternatives) return fail(alternatives.error());
      node.alternatives.push_back(std::move(*alternatives));
      continue;
    }
    Node::Field field;
    field.name = std::move(name);
    if (member.value.IsObject()) {
      auto nested = parse_node(member.value, depth + 1);
      if (!nested) return fail(nested.error());
      field.nested = std::make_shared<const Node>(std::move(*nested));
    } else if (member.value.IsArray()) {
      auto rules = parse_rules(member.value);
      if (!rules) return fail(rules.error());
      field.rules = std::move(*rules);
    } else {
      return fail(invalid_filter_pattern());
    }
    node.fields.push_back(std::move(field));
  }
  return node;
}

const JsonValue* member_of(const JsonValue* object, const std::string& name) {
  if (object == nullptr || !object->IsObject()) return nullptr;
  auto found = object->FindMember(rapidjson::StringRef(name.data(), static_cast<rapidjson::SizeType>(name.size())));
  return found == object->MemberEnd() ? nullptr : &found->value;
}

// A leaf's rules against the record's member: absent (or an object, which is no leaf), a scalar,
// or an array of scalars, any one of which may match.
bool leaf_matches(const std::vector<FilterRule>& rules, const JsonValue* value) {
  auto any_rule = [&](const JsonValue& scalar) {
    return std::any_of(rules.begin(), rules.end(), [&](const FilterRule& rule) { return rule.matches(scalar); });
  };
  auto absent = [&] {
    return std::any_of(rules.begin(), rules.end(), [](const FilterRule& rule) { return rule.matches_absent(); });
  };
  if (value == nullptr || value->IsObject()) return absent();
  if (!value->IsArray()) return any_rule(*value);
  if (value->Empty()) return absent();
  for (const auto& element : value->GetArray()) {
    if (!element.IsObject() && !element.IsArray() && any_rule(element)) return true;
  }
  return false;
}

bool node_matches(const Node& node, const JsonValue* object) {
  for (const auto& field : node.fields) {
    const JsonValue* value = member_of(object, field.name);
    if (field.nested) {
      if (!node_matches(*field.nested, value != nullptr && value->IsObject() ? value : nullptr)) return false;
    } else if (!leaf_matches(field.rules, value)) {
      return false;
    }
  }
  for (const auto& alternatives : node.alternatives) {
    bool any = std::any_of(alternatives.begin(), alternatives.end(),
                           [&](const Node& alternative) { return node_matches(alternative, object); });
    if (!any) return false;
  }
  return true;
}

}  // namespace

Result<FilterPattern> FilterPattern::parse(std::string_view pattern_json) {
  JsonDocument document;
  if (parse_json(pattern_json, document) != JsonParseOutcome::kParsed) return fail(invalid_filter_pattern());
  auto root = parse_node(document, 0);
  if (!root) return fail(root.error());
  FilterPattern pattern;
  pattern.root_ = std::make_shared<const Node>(std::move(*root));
  return pattern;
}

bool FilterPattern::matches(const JsonValue& record) const { return node_matches(*root_, &record); }

Result<FilterCriteria> FilterCriteria::parse(const std::vector<std::string>& patterns) {
  if (patterns.size() > kMaxFilters) return fail(invalid_filter_pattern());
  FilterCriteria criteria;
  for (const auto& text : patterns) {
    auto pattern = FilterPattern::parse(text);
    if (!pattern) return fail(pattern.error());
    criteria.patterns_.push_back(std::move(*pattern));
  }
  return criteria;
}

bool FilterCriteria::matches(const JsonValue& record) const {
  if (patterns_.empty()) return true;
  return std::any_of(patterns_.begin(), patterns_.end(),
                     [&](const FilterPattern& pattern) { return pattern.matches(record); });
}

}  // namespace eddy::triggers
