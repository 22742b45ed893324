// The fixed request around a fuzzed expression: ExpressionAttributeNames and Values of every type,
// and items to evaluate and apply expressions to (one holding every type, nested maps and lists, and
// none at all: an absent item). The fuzzer mutates the expression; the dictionary (dict/expr.dict)
// names these placeholders and attributes so that mutations reach them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "model/attribute_value.h"
#include "protocol/attribute_value_json.h"
#include "protocol/json_parse.h"

namespace eddy::fuzz {

inline AttributeMap map_from_json(const char* json) {
  JsonDocument document;
  FUZZ_CHECK(parse_json(json, document) == JsonParseOutcome::kParsed);
  auto map = decode_attribute_map(document);
  FUZZ_CHECK(map.has_value());
  return std::move(*map);
}

inline const std::map<std::string, std::string>& expression_names() {
  static const std::map<std::string, std::string> names = {{"#a", "a"},   {"#b", "b"},   {"#l", "l"},    {"#m", "m"},
                                                           {"#pk", "pk"}, {"#sk", "sk"}, {"#dot", "a.b"}};
  return names;
}

inline const AttributeMap& expression_values() {
  static const AttributeMap values = map_from_json(R"({
    ":s": {"S": "x"}, ":e": {"S": ""}, ":n": {"N": "1"}, ":z": {"N": "0"}, ":big": {"N": "9.9999999999999999999999999999999999999E+125"},
    ":tiny": {"N": "1E-130"}, ":b": {"B": "AAEC"}, ":ss": {"SS": ["x", "y"]}, ":ns": {"NS": ["1", "2.5"]},
    ":bs": {"BS": ["AA==", "AQ=="]}, ":l": {"L": [{"S": "x"}, {"N": "1"}, {"L": []}]},
    ":m": {"M": {"a": {"S": "x"}, "m": {"M": {"b": {"N": "2"}}}}}, ":null": {"NULL": true}, ":t": {"BOOL": true},
    ":f": {"BOOL": false}
  })");
  return values;
}

inline const std::vector<Item>& expression_items() {
  static const std::vector<Item> items = {
      map_from_json(R"({
        "pk": {"S": "k"}, "sk": {"N": "5"}, "a": {"S": "x"}, "b": {"N": "1"}, "a.b": {"S": "dotted"},
        "l": {"L": [{"S": "x"}, {"N": "1"}, {"L": [{"M": {"a": {"S": "deep"}}}]}, {"NULL": true}]},
        "m": {"M": {"a": {"S": "x"}, "b": {"N": "3"}, "m": {"M": {"b": {"N": "2"}, "l": {"L": [{"N": "1"}]}}}}},
        "ss": {"SS": ["x", "y"]}, "ns": {"NS": ["1", "2.5"]}, "bs": {"BS": ["AA==", "AQ=="]},
        "bin": {"B": "AAEC"}, "n": {"NULL": true}, "t": {"BOOL": true}, "e": {"S": ""}
      })"),
      Item{},
  };
  return items;
}

}  // namespace eddy::fuzz
