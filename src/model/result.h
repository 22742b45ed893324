// Error propagation in one line. A Result<T> (model/api_error.h) either holds a value or the
// ApiError that ends the request; these macros return that error from the enclosing function,
// which must itself return a Result:
//
//   EDDY_TRY(auto table, find_table(context, name));   // declares `table`, or returns the error
//   EDDY_TRY(request.key, read_key(json));             // assigns to an existing variable
//   EDDY_TRY_VOID(validate_key(*table, key));          // for Result<void> and results not kept
#pragma once

#include <utility>

#include "model/api_error.h"

#define EDDY_TRY_CONCAT_INNER(a, b) a##b
#define EDDY_TRY_CONCAT(a, b) EDDY_TRY_CONCAT_INNER(a, b)

// `target` is a declaration (`auto x`, `const auto& x`, `Item item`) or an lvalue; it receives the
// value moved out of the result.
#define EDDY_TRY(target, expression) EDDY_TRY_IMPL(target, expression, EDDY_TRY_CONCAT(eddy_try_, __COUNTER__))
#define EDDY_TRY_IMPL(target, expression, result)              \
  auto result = (expression);                                  \
  if (!result) return ::eddy::fail(std::move(result.error())); \
  target = std::move(*result)

#define EDDY_TRY_VOID(expression)                                \
  do {                                                           \
    if (auto eddy_try_result = (expression); !eddy_try_result) { \
      return ::eddy::fail(std::move(eddy_try_result.error()));   \
    }                                                            \
  } while (false)
