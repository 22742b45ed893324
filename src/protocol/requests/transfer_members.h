// What the export and import requests share: timestamps, ClientToken's pattern, and the paging
// tokens of ListExports and ListImports.
#pragma once

#include <optional>
#include <string>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::protocol {

// A timestamp member (epoch seconds, as the SDKs send it); SerializationException otherwise.
Result<void> read_timestamp(const JsonValue* value, std::optional<double>& out);
// ClientToken's pattern ^[^\$]+$.
Result<void> check_client_token(const std::optional<std::string>& token);

}  // namespace eddy::protocol
