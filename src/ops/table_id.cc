// TableId generation; see table_id.h.
#include "ops/table_id.h"

#include <random>

namespace eddy::ops {

std::string new_table_id() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string uuid = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx";
  for (auto& c : uuid) {
    if (c == 'x') c = kHex[random() % 16];
    if (c == 'y') c = kHex[8 + random() % 4];
  }
  return uuid;
}

}  // namespace eddy::ops
