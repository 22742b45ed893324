// A response's head as the bytes that go on the wire, in one piece: the status line, the fields in
// their order and the blank line; the same bytes Beast's serializer writes, built in one pass into
// one buffer, so that a write is one gathered send of the head and the body (Beast's serializer
// walks its sequence of buffer views several times per response; docs/performance.md).
#pragma once

#include <string>

#include "http/http_types.h"

namespace eddy::http {

// `response`'s head into `out` (cleared first), with its Content-Length as set (prepare_payload).
void write_wire_head(const Response& response, std::string& out);

}  // namespace eddy::http
