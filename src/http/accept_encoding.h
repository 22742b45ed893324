// Reading Accept-Encoding (RFC 9110 section 12.5.3) the way DynamoDB does: of gzip and deflate,
// the coding with the highest quality value wins; on a tie a coding named in the header beats one
// that only "*" covers, and the one named first beats the one named later; "*" alone prefers
// gzip; q=0 refuses a coding. Quality values above 1 count as 1, negative ones as 0, ones that are
// not numbers as 1; an element that is not a plain token ("gzip br", "\"gzip\"") is ignored.
// (Recorded against DynamoDB by ScyllaDB's test_compressed_response.py.)
#pragma once

#include <string_view>

#include "http/content_coding.h"

namespace eddy::http {

// kIdentity when neither gzip nor deflate is acceptable.
ContentCoding preferred_coding(std::string_view accept_encoding);

}  // namespace eddy::http
