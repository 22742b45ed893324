// Constraint: one of DynamoDB's constraints on a request member, as data (the kinds its service
// model uses: required, length, range, enum, pattern), checked against the member's JSON value once
// every member has been read with the right JSON type. A failed check adds DynamoDB's text to the
// request's ConstraintViolations:
//   Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3
// The texts live in constraint.cc alone, so that a change to how DynamoDB words them is one change;
// a value is echoed as DynamoDB's Java classes print it (protocol/java_text.h).
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <string_view>

#include "protocol/constraint_violations.h"
#include "protocol/json.h"
#include "protocol/member_path.h"

namespace eddy::protocol {

struct Constraint {
  enum class Kind {
    kRequired,           // Member must not be null
    kLength,             // a string's length in bytes, or a list's or map's number of entries
    kRange,              // an integer's value
    kEnum,               // Member must satisfy enum value set: [...]
    kName,               // a table or index name: [a-zA-Z0-9_.-]+, 3 to 255 characters
    kMapKeysNames,       // every key of a map is a table name (BatchGetItem's and BatchWriteItem's RequestItems)
    kMapValuesLength,    // every value of a map is a list of `min` to `max` entries, reported once
    kRequiredParameter,  // absent: "The parameter 'TableName' is required but was not present in the request"
    kRequiredMap,        // absent or empty: "The requestItems parameter is required for BatchGetItem"
  };
  Kind kind = Kind::kRequired;
  int64_t min = 0;
  int64_t max = std::numeric_limits<int64_t>::max();
  std::span<const std::string_view> values;  // kEnum, in the order the message lists them
  bool absent_is_empty = false;              // kLength: an absent string is checked as ""
  // kRange, kLength: "Value at 'Limit' failed to satisfy constraint: ...", the form of DynamoDB's
  // newer validation, without the value and with the members' names as sent
  // ("RequestItems.Music.member.Keys").
  bool unshown = false;
  std::string_view operation;  // kRequiredMap: the operation its message names
};

constexpr Constraint constraint_of(Constraint::Kind kind, int64_t min = 0,
                                   int64_t max = std::numeric_limits<int64_t>::max()) {
  Constraint c;
  c.kind = kind;
  c.min = min;
  c.max = max;
  return c;
}

constexpr Constraint required() { return constraint_of(Constraint::Kind::kRequired); }
constexpr Constraint length(int64_t min, int64_t max = std::numeric_limits<int64_t>::max()) {
  return constraint_of(Constraint::Kind::kLength, min, max);
}
// As length(), in the unshown form: "Value at 'RequestItems.Music.member.Keys' failed to satisfy
// constraint: Member must have length less than or equal to 100".
constexpr Constraint unshown_length(int64_t min, int64_t max = std::numeric_limits<int64_t>::max()) {
  Constraint c = constraint_of(Constraint::Kind::kLength, min, max);
  c.unshown = true;
  return c;
}
// As length(), with an absent member checked as the empty string ("Value '' at ...").
constexpr Constraint length_or_empty(int64_t min, int64_t max) {
  Constraint c = constraint_of(Constraint::Kind::kLength, min, max);
  c.absent_is_empty = true;
  return c;
}
constexpr Constraint range(int64_t min, int64_t max = std::numeric_limits<int64_t>::max()) {
  return constraint_of(Constraint::Kind::kRange, min, max);
}
constexpr Constraint one_of(std::span<const std::string_view> values) {
  Constraint c = constraint_of(Constraint::Kind::kEnum);
  c.values = values;
  return c;
}
// As range(), in the form DynamoDB gives Query's and Scan's Limit: "Value at 'Limit' failed to
// satisfy constraint: Member must have value greater than or equal to 1".
constexpr Constraint unshown_range(int64_t min, int64_t max = std::numeric_limits<int64_t>::max()) {
  Constraint c = constraint_of(Constraint::Kind::kRange, min, max);
  c.unshown = true;
  return c;
}
// TableName, IndexName and the like: the pattern [a-zA-Z0-9_.-]+ (not checked on an empty name),
// then a length of 3 to 255.
constexpr Constraint name() { return constraint_of(Constraint::Kind::kName); }
// A member the operation cannot go without, reported alone before any other constraint:
// "The parameter 'TableName' is required but was not present in the request".
constexpr Constraint required_parameter() { return constraint_of(Constraint::Kind::kRequiredParameter); }
// A map the operation cannot go without, absent or empty: "The requestItems parameter is required
// for BatchGetItem".
constexpr Constraint required_map(std::string_view operation) {
  Constraint c = constraint_of(Constraint::Kind::kRequiredMap);
  c.operation = operation;
  return c;
}
constexpr Constraint map_keys_are_table_names() { return constraint_of(Constraint::Kind::kMapKeysNames); }
constexpr Constraint map_values_length(int64_t min, int64_t max) {
  return constraint_of(Constraint::Kind::kMapValuesLength, min, max);
}

// Checks `constraint` against the member's value (nullptr when absent) at `path`; `type` is the
// value's type expression (protocol/java_model.h), for echoing it.
void check(const Constraint& constraint, const JsonValue* value, const MemberPath& path, std::string_view type,
           ConstraintViolations& violations);

}  // namespace eddy::protocol
