// Random identifiers in the forms DynamoDB and its neighbours give: version 4 UUIDs (TableId,
// event source mapping UUIDs, invocation requestIds) and fixed-length texts over an alphabet. One
// generator per thread, seeded from the system's entropy: no lock, and no two threads in step.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace eddy {

// 64 random bits from this thread's generator.
std::uint64_t random_u64();

// "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", lower-case hex (RFC 4122 version 4).
std::string random_uuid();

// `length` characters drawn uniformly enough from `alphabet` (at most 256 characters).
std::string random_text(std::string_view alphabet, std::size_t length);

}  // namespace eddy
