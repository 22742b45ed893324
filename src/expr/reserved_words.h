// DynamoDB's reserved words (see reserved_words.cc for the source of the list).
#pragma once

#include <string_view>

namespace eddy::expr {

// True when `name` (compared case-insensitively) is one of DynamoDB's reserved words.
bool is_reserved_word(std::string_view name);

}  // namespace eddy::expr
