// Percent-encoding as SigV4 defines it: every byte but the unreserved characters A-Z a-z 0-9
// '-' '.' '_' '~' becomes %XY with upper-case hex digits.
#pragma once

#include <string>
#include <string_view>

namespace eddy::auth {

// `keep_slash`: leave '/' as is (for paths).
std::string uri_encode(std::string_view text, bool keep_slash);
// Undoes %XY escapes; a malformed escape is kept as it is.
std::string percent_decode(std::string_view text);

}  // namespace eddy::auth
