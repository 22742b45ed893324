// Reading Lambda's REST-JSON request members with Lambda's errors: a member of the wrong JSON type
// is an InvalidRequestContentException (Lambda cannot deserialize the body); constraint failures
// are collected and reported together as one ValidationException, as Lambda's front end does
// ("2 validation errors detected: Value '0' at 'batchSize' failed to satisfy constraint: ...").
// Member paths in those messages are Lambda's lower camel case names ('batchSize').
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/api_error.h"
#include "protocol/json.h"

// Error propagation in one line (as model/result.h's EDDY_TRY elsewhere).
#define EDDY_LAMBDA_CONCAT_INNER(a, b) a##b
#define EDDY_LAMBDA_CONCAT(a, b) EDDY_LAMBDA_CONCAT_INNER(a, b)
#define EDDY_LAMBDA_TRY(target, expression) \
  EDDY_LAMBDA_TRY_IMPL(target, expression, EDDY_LAMBDA_CONCAT(eddy_lambda_try_, __COUNTER__))
#define EDDY_LAMBDA_TRY_IMPL(target, expression, result)       \
  auto result = (expression);                                  \
  if (!result) return ::eddy::fail(std::move(result.error())); \
  target = std::move(*result)
#define EDDY_LAMBDA_TRY_VOID(expression)                                       \
  do {                                                                         \
    if (auto eddy_lambda_try_result = (expression); !eddy_lambda_try_result) { \
      return ::eddy::fail(std::move(eddy_lambda_try_result.error()));          \
    }                                                                          \
  } while (false)

namespace eddy::lambda_api {

// InvalidRequestContentException for member `name` of the wrong type.
ApiError wrong_type(std::string_view name);

// Each returns nullopt (nullptr) for a member that is absent or null.
Result<std::optional<std::string>> read_string(const JsonValue& object, const char* name);
Result<std::optional<int64_t>> read_integer(const JsonValue& object, const char* name);
Result<std::optional<bool>> read_bool(const JsonValue& object, const char* name);
Result<const JsonValue*> read_object(const JsonValue& object, const char* name);
Result<const JsonValue*> read_array(const JsonValue& object, const char* name);
Result<std::optional<std::vector<std::string>>> read_string_list(const JsonValue& object, const char* name);

class Violations {
 public:
  // "Value '<value>' at '<path>' failed to satisfy constraint: <constraint>" ("Value null at ...").
  void add(std::string_view path, const std::optional<std::string>& value, std::string_view constraint);
  void range(std::string_view path, const std::optional<int64_t>& value, int64_t min, int64_t max);
  void length(std::string_view path, const std::string& value, std::size_t min, std::size_t max);
  // ValidationException "N validation error(s) detected: a; b", or success.
  Result<void> result() const;

 private:
  std::vector<std::string> messages_;
};

}  // namespace eddy::lambda_api
