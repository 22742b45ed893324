// DynamoDB's size limits on items and keys, which requests are checked against in several layers.
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html
#pragma once

#include <cstddef>

namespace eddy {

inline constexpr std::size_t kMaxItemBytes = std::size_t{400} * 1024;
inline constexpr std::size_t kMaxPartitionKeyBytes = 2048;
inline constexpr std::size_t kMaxSortKeyBytes = 1024;

}  // namespace eddy
