// The Date header's format (RFC 9110 IMF-fixdate): "Tue, 01 Dec 2026 08:59:10 GMT".
#pragma once

#include <string>

namespace eddy::http {

// `seconds`: since the epoch.
std::string http_date(double seconds);

}  // namespace eddy::http
