// Parsing untrusted JSON text (request bodies, answers read by `eddy streams`) without recursion
// on the C++ stack: RapidJSON's iterative parser, with a cap on nesting depth so that a body of
// 200,000 '[' neither overflows a worker's stack nor builds a document that later code would
// walk recursively. Documents that eddy wrote itself are parsed with the same function.
#pragma once

#include <cstddef>
#include <string_view>

#include "protocol/json.h"

namespace eddy {

// Far above anything DynamoDB accepts (attribute values nest at most 32 levels, two JSON levels
// each, inside a request's few levels), far below what would strain a worker's stack in the code
// that walks a document.
inline constexpr std::size_t kMaxJsonDepth = 1000;

enum class JsonParseOutcome {
  kParsed,
  kNotJson,  // a syntax error, or trailing text after the value
  kTooDeep,  // objects and arrays nested deeper than the cap
};

// Parses `text` into `document`. On any outcome but kParsed the document is left null.
JsonParseOutcome parse_json(std::string_view text, JsonDocument& document, std::size_t max_depth = kMaxJsonDepth);

}  // namespace eddy
