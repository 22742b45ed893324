// JSON text written by hand, for answers that are assembled from pieces (stored items, stream
// records) rather than through a RapidJSON Writer. The output is byte for byte what eddy's Writer
// produces for the same string, so both paths give identical answers.
#pragma once

#include <string>
#include <string_view>

namespace eddy {

// Appends `text` as a quoted JSON string: '"' and '\\' escaped, control characters as \b \t \n \f
// \r or \u00XX (upper-case hex), everything else (UTF-8 included) as is.
void append_json_string(std::string& out, std::string_view text);

}  // namespace eddy
