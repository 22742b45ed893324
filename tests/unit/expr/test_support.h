// Helpers for the expression tests: items and values written as DynamoDB JSON, and one-call
// wrappers that return an error message or a result.
#pragma once

#include <map>
#include <string>

#include <gtest/gtest.h>

#include "expr/expression.h"
#include "protocol/attribute_value_json.h"

namespace eddy::expr::testing {

using Names = std::map<std::string, std::string>;

inline AttributeMap json_map(const std::string& json) {
  JsonDocument doc;
  doc.Parse(json.c_str());
  EXPECT_FALSE(doc.HasParseError()) << json;
  auto map = decode_attribute_map(doc);
  EXPECT_TRUE(map.has_value()) << json << ": " << (map ? "" : map.error().message);
  return map ? *map : AttributeMap{};
}

inline std::string item_json(const Item& item) { return attribute_map_to_json(item); }

// The error message of parsing a condition (and checking placeholders are used), "" when valid.
inline std::string condition_error(const std::string& text, const std::string& values = "{}", const Names& names = {},
                                   const std::string& kind = "ConditionExpression") {
  AttributeMap value_map = json_map(values);
  ExpressionAttributes attrs(names.empty() ? nullptr : &names, values == "{}" ? nullptr : &value_map);
  auto parsed = parse_condition(text, kind, attrs);
  if (!parsed) return parsed.error().message;
  auto used = attrs.check_all_used();
  return used ? "" : used.error().message;
}

// Evaluates a valid condition against an item; fails the test on parse errors.
inline bool holds(const std::string& text, const std::string& item, const std::string& values = "{}",
                  const Names& names = {}) {
  AttributeMap value_map = json_map(values);
  ExpressionAttributes attrs(names.empty() ? nullptr : &names, &value_map);
  auto parsed = parse_condition(text, "ConditionExpression", attrs);
  EXPECT_TRUE(parsed.has_value()) << text << ": " << (parsed ? "" : parsed.error().message);
  if (!parsed) return false;
  auto result = parsed->evaluate(json_map(item));
  EXPECT_TRUE(result.has_value());
  return result && *result;
}

inline const std::vector<std::string>& table_keys() {
  static const std::vector<std::string> keys = {"pk", "sk"};
  return keys;
}

// Parses and applies an update; returns the new item as JSON or the error message.
inline std::string updated(const std::string& text, const std::string& item, const std::string& values = "{}",
                           const Names& names = {}) {
  AttributeMap value_map = json_map(values);
  ExpressionAttributes attrs(names.empty() ? nullptr : &names, values == "{}" ? nullptr : &value_map);
  auto update = parse_update(text, attrs, table_keys());
  if (!update) return update.error().message;
  if (auto used = attrs.check_all_used(); !used) return used.error().message;
  Item target = json_map(item);
  if (auto done = update->apply(target); !done) return done.error().message;
  return item_json(target);
}

inline std::string projected(const std::string& text, const std::string& item, const Names& names = {}) {
  ExpressionAttributes attrs(names.empty() ? nullptr : &names, nullptr);
  auto projection = parse_projection(text, attrs);
  if (!projection) return projection.error().message;
  return item_json(projection->apply(json_map(item)));
}

}  // namespace eddy::expr::testing
