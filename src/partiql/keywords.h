// PartiQL's reserved words (see keywords.cc for how the list was found).
#pragma once

#include <string_view>

namespace eddy::partiql {

// True when `word` (any case) is reserved: unquoted, it cannot name an attribute, a table or an index.
bool is_reserved_word(std::string_view word);

// True for the reserved words that may still be called as functions: SIZE(x), EXISTS(...), COUNT(*).
bool is_function_word(std::string_view word);

}  // namespace eddy::partiql
