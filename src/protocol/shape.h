// Shape<R>: a request, or one part of a request, declared as data, the way DynamoDB's service model
// declares it: its members in DynamoDB's check order, each with its JSON member name, the field of R
// it fills, and its constraints (protocol/constraint.h); then the custom checks that need more than
// one member. Reading a request walks its declaration three times, as DynamoDB validates:
//   1. every member's JSON type, recursively, into R: the first member of a wrong type is a
//      SerializationException (protocol/json_reading.h); AttributeValues are decoded here;
//   2. every constraint, recursively, on the JSON values: all failures are reported together
//      ("2 validation errors detected: ...");
//   3. the custom checks, in order; each returns the request's first ValidationException.
// R is plain data: code that builds a request without JSON (PartiQL) fills it directly.
//
//   const Shape<GetItemRequest>& get_item_shape() {
//     using R = GetItemRequest;
//     static const Shape<R> shape{{member("TableName", &R::table_name, {required(), name()}),
//                                  member("Key", &R::key, {required()}), ...},
//                                 {check_projection_members}};
//     return shape;
//   }
//
// Nested shapes (a KeySchema element, a GSI definition) are Shape<S> too, returned by functions as
// above so that every shape is built once, on first use.
#pragma once

#include <array>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "model/result.h"
#include "protocol/constraint.h"
#include "protocol/json_reading.h"

namespace eddy::protocol {

// What the constraint pass (step 2) needs of one member; the same for every R.
struct MemberChecks {
  enum class Nesting { kNone, kStructure, kList, kMap, kMapOfLists };
  // Where a nested shape's constraints are checked relative to the member's own.
  enum class Order {
    kOwnFirst,
    kNestedFirst,
    kNestedWhenValid,  // the nested values are not checked once the member's own constraints fail
  };

  const char* name;  // in the JSON
  std::string path;  // in messages: the name with its first letter in lower case
  std::vector<Constraint> constraints;
  Nesting nesting = Nesting::kNone;
  const struct ShapeChecks* nested = nullptr;
  Order order = Order::kOwnFirst;
  // How an echoed value of a member without a nested shape prints (a type expression of
  // protocol/java_model.h): "" by its JSON type, "{AttributeValue}" for an item or a key.
  std::string_view printed_as = {};

  // The member's type expression: from the nested shape's name when there is one.
  std::string java_type() const;
};

struct ShapeChecks {
  const char* type_name = "";  // the service model's name of the structure, "" for a request
  std::vector<MemberChecks> members;
  // Step 2 for the object `value` at `at`.
  void check(const JsonValue& value, const MemberPath& at, ConstraintViolations& violations) const;
};

// A member's name in constraint messages: "TableName" -> "tableName".
std::string message_name(std::string_view member_name);

template <typename R>
class Shape {
 public:
  struct Member {
    MemberChecks checks;
    // Step 1: reads the member's JSON value (nullptr when absent) into the request.
    std::function<Result<void>(const JsonValue* value, R& out)> read;

    // Modifiers for the order of the nested shape's checks (see MemberChecks::Order).
    Member&& nested_first() && {
      checks.order = MemberChecks::Order::kNestedFirst;
      return std::move(*this);
    }
    Member&& nested_when_valid() && {
      checks.order = MemberChecks::Order::kNestedWhenValid;
      return std::move(*this);
    }
    // The nested shape is read but its constraints are not checked.
    Member&& nested_unchecked() && {
      checks.nested = nullptr;
      return std::move(*this);
    }
    // The member's value echoes as `type` (see MemberChecks::printed_as).
    Member&& printed_as(std::string_view type) && {
      checks.printed_as = type;
      return std::move(*this);
    }
  };
  // Step 3: a check of the typed request; `json` is the request as sent, for the checks that
  // DynamoDB makes on which members were sent.
  using Check = std::function<Result<void>(R& request, const JsonValue& json)>;

  Shape(std::vector<Member> members, std::vector<Check> checks = {}) : checks_(std::move(checks)) {
    for (auto& member : members) {
      readers_.emplace_back(member.checks.name, std::move(member.read));
      constraints_.members.push_back(std::move(member.checks));
    }
  }

  // As above, for a nested shape: `type_name` is the service model's name of the structure
  // ("KeySchemaElement"), which DynamoDB's deserializer names when it is sent a list instead.
  Shape(const char* type_name, std::vector<Member> members, std::vector<Check> checks = {})
      : Shape(std::move(members), std::move(checks)) {
    type_name_ = type_name;
    constraints_.type_name = type_name;
  }

  // All three steps over a whole request. A value that is read in step 1 but refused on its own
  // (an empty AttributeValue, a bad number) is a ValidationException that DynamoDB reports after
  // the whole request has been deserialized and its constraints checked.
  Result<R> read(const JsonValue& json) const {
    R request{};
    auto read = read_members(json, request);
    if (!read && read.error().code != ErrorCode::kValidation) return fail(read.error());
    ConstraintViolations violations;
    constraints_.check(json, MemberPath(), violations);
    EDDY_TRY_VOID(violations.result());
    EDDY_TRY_VOID(read);
    for (const Check& check : checks_) EDDY_TRY_VOID(check(request, json));
    return request;
  }

  // Step 1 over the object `json` (a whole request or a nested structure): a member of a wrong
  // JSON type fails at once; the first ValidationException is returned once every member is read.
  Result<void> read_members(const JsonValue& json, R& out) const {
    Result<void> first_invalid;
    for (const auto& [name, read] : readers_) {
      auto result = read(json_member(json, name), out);
      if (result) continue;
      if (result.error().code != ErrorCode::kValidation) return result;
      if (first_invalid) first_invalid = std::move(result);
    }
    return first_invalid;
  }

  const ShapeChecks& constraints() const { return constraints_; }
  const char* type_name() const { return type_name_; }

 private:
  const char* type_name_ = "";
  std::vector<std::pair<const char*, std::function<Result<void>(const JsonValue*, R&)>>> readers_;
  ShapeChecks constraints_;
  std::vector<Check> checks_;
};

// A list of members, for declarations built from shared parts.
template <typename R>
using Members = std::vector<typename Shape<R>::Member>;

// `first` followed by each of `rest`.
template <typename R, typename... More>
Members<R> join(Members<R> first, More&&... rest) {
  (std::move(rest.begin(), rest.end(), std::back_inserter(first)), ...);
  return first;
}

// The members of `part`, a structure held in R's field `field` whose members sit beside R's own in
// the JSON (the members Query and Scan share).
template <typename R, typename P>
Members<R> members_of_part(P R::*field, const Members<P>& part) {
  Members<R> members;
  for (const auto& member : part) {
    members.push_back({member.checks, [field, read = member.read](const JsonValue* value, R& out) {
                         return read(value, out.*field);
                       }});
  }
  return members;
}

// A member read by protocol/json_reading.h's read_value for its field's type: strings, integers,
// booleans, lists and maps of strings, and AttributeValue maps.
template <typename R, typename F>
typename Shape<R>::Member member(const char* name, F R::*field, std::vector<Constraint> constraints = {}) {
  typename Shape<R>::Member m{{name, message_name(name), std::move(constraints)},
                              [field](const JsonValue* value, R& out) { return read_value(value, out.*field); }};
  if constexpr (std::is_same_v<F, AttributeMap> || std::is_same_v<F, std::optional<AttributeMap>>) {
    m.checks.printed_as = "{AttributeValue}";
  }
  return m;
}

// A member the service model declares as Long (capacity units), which only words a wrong type
// differently from an Integer.
template <typename R, typename F>
typename Shape<R>::Member long_member(const char* name, F R::*field, std::vector<Constraint> constraints = {}) {
  return {{name, message_name(name), std::move(constraints)},
          [field](const JsonValue* value, R& out) { return read_long(value, out.*field); }};
}

// A member with its own reader (`read` is given the member's JSON value, nullptr when absent).
template <typename R>
typename Shape<R>::Member custom_member(const char* name,
                                        std::function<Result<void>(const JsonValue* value, R& out)> read,
                                        std::vector<Constraint> constraints = {}) {
  return {{name, message_name(name), std::move(constraints)}, std::move(read)};
}

// An enumeration read into a C++ enum: `names` are DynamoDB's, in the order its message prints them,
// each with the value it stands for. A name outside the set fails the member's last constraint
// ("Member must satisfy enum value set: [...]"), added by member() below; until then the field keeps
// its default.
template <typename E, std::size_t N>
struct EnumValues {
  std::array<std::string_view, N> names;
  std::array<E, N> values;
};

template <typename R, typename E, std::size_t N>
typename Shape<R>::Member member(const char* name, E R::*field, const EnumValues<E, N>& values,
                                 std::vector<Constraint> constraints = {}) {
  constraints.push_back(one_of(values.names));
  return {{name, message_name(name), std::move(constraints)},
          [field, &values](const JsonValue* value, R& out) -> Result<void> {
            std::optional<std::string> text;
            EDDY_TRY_VOID(read_value(value, text));
            if (!text) return {};
            for (std::size_t i = 0; i < N; ++i) {
              if (values.names[i] == *text) out.*field = values.values[i];
            }
            return {};
          }};
}

// A structure member, read with the nested `shape`.
template <typename R, typename S>
typename Shape<R>::Member member(const char* name, std::optional<S> R::*field, const Shape<S>& shape,
                                 std::vector<Constraint> constraints = {}) {
  return {{name, message_name(name), std::move(constraints), MemberChecks::Nesting::kStructure, &shape.constraints()},
          [field, &shape](const JsonValue* value, R& out) -> Result<void> {
            if (value == nullptr) return {};
            EDDY_TRY_VOID(expect_structure(*value, shape.type_name(), Position::kMember));
            S nested{};
            auto read = shape.read_members(*value, nested);
            out.*field = std::move(nested);
            return read;
          }};
}

// A list of structures, each read with `shape`. Absent, the list stays as it is.
// Every element is read; the first ValidationException comes back once all are (see read_members).
template <typename S>
Result<void> read_list(const JsonValue& value, const Shape<S>& shape, std::vector<S>& out) {
  out.clear();
  out.reserve(value.Size());
  Result<void> first_invalid;
  for (const auto& element : value.GetArray()) {
    EDDY_TRY_VOID(expect_structure(element, shape.type_name(), Position::kValue));
    S nested{};
    auto read = shape.read_members(element, nested);
    if (!read && read.error().code != ErrorCode::kValidation) return read;
    if (!read && first_invalid) first_invalid = std::move(read);
    out.push_back(std::move(nested));
  }
  return first_invalid;
}

template <typename R, typename S>
typename Shape<R>::Member member(const char* name, std::vector<S> R::*field, const Shape<S>& shape,
                                 std::vector<Constraint> constraints = {}) {
  return {{name, message_name(name), std::move(constraints), MemberChecks::Nesting::kList, &shape.constraints()},
          [field, &shape](const JsonValue* value, R& out) -> Result<void> {
            if (value == nullptr) return {};
            EDDY_TRY_VOID(expect_list(*value));
            return read_list(*value, shape, out.*field);
          }};
}

template <typename R, typename S>
typename Shape<R>::Member member(const char* name, std::optional<std::vector<S>> R::*field, const Shape<S>& shape,
                                 std::vector<Constraint> constraints = {}) {
  return {{name, message_name(name), std::move(constraints), MemberChecks::Nesting::kList, &shape.constraints()},
          [field, &shape](const JsonValue* value, R& out) -> Result<void> {
            if (value == nullptr) return {};
            EDDY_TRY_VOID(expect_list(*value));
            std::vector<S> list;
            auto read = read_list(*value, shape, list);
            out.*field = std::move(list);
            return read;
          }};
}

// A map of name to structure, in the order sent (RequestItems of BatchGetItem).
template <typename S>
using NamedEntries = std::vector<std::pair<std::string, S>>;

template <typename R, typename S>
typename Shape<R>::Member member(const char* name, NamedEntries<S> R::*field, const Shape<S>& shape,
                                 std::vector<Constraint> constraints = {}) {
  return {
      {name, message_name(name), std::move(constraints), MemberChecks::Nesting::kMap, &shape.constraints()},
      [field, &shape](const JsonValue* value, R& out) -> Result<void> {
        if (value == nullptr) return {};
        EDDY_TRY_VOID(expect_map(*value, shape.type_name()));
        Result<void> first_invalid;
        for (auto it = value->MemberBegin(); it != value->MemberEnd(); ++it) {
          EDDY_TRY_VOID(expect_structure(it->value, shape.type_name(), Position::kValue));
          S nested{};
          auto read = shape.read_members(it->value, nested);
          if (!read && read.error().code != ErrorCode::kValidation) return read;
          if (!read && first_invalid) first_invalid = std::move(read);
          (out.*field).emplace_back(std::string(it->name.GetString(), it->name.GetStringLength()), std::move(nested));
        }
        return first_invalid;
      }};
}

// A map of name to a list of structures, in the order sent (RequestItems of BatchWriteItem).
template <typename R, typename S>
typename Shape<R>::Member member(const char* name, NamedEntries<std::vector<S>> R::*field, const Shape<S>& shape,
                                 std::vector<Constraint> constraints = {}) {
  return {{name, message_name(name), std::move(constraints), MemberChecks::Nesting::kMapOfLists, &shape.constraints()},
          [field, &shape](const JsonValue* value, R& out) -> Result<void> {
            if (value == nullptr) return {};
            EDDY_TRY_VOID(expect_map(
                *value, std::string("java.util.List<com.amazonaws.dynamodb.v20120810.") + shape.type_name() + ">"));
            Result<void> first_invalid;
            for (auto it = value->MemberBegin(); it != value->MemberEnd(); ++it) {
              EDDY_TRY_VOID(expect_list_in_map(it->value));
              std::vector<S> list;
              auto read = read_list(it->value, shape, list);
              if (!read && read.error().code != ErrorCode::kValidation) return read;
              if (!read && first_invalid) first_invalid = std::move(read);
              (out.*field).emplace_back(std::string(it->name.GetString(), it->name.GetStringLength()), std::move(list));
            }
            return first_invalid;
          }};
}

}  // namespace eddy::protocol
