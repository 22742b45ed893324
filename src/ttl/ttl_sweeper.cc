// The TTL sweeper; see ttl_sweeper.h.
#include "ttl/ttl_sweeper.h"

#include <cstdlib>
#include <vector>

#include <spdlog/spdlog.h>

namespace eddy::ttl {

bool expired(const Item& item, const std::string& attribute, double now) {
  auto it = item.find(attribute);
  if (it == item.end() || it->second.type != AttributeType::kN) return false;
  double expiry = std::strtod(it->second.scalar.c_str(), nullptr);
  return expiry <= now && expiry >= now - kMaxPastSeconds;
}

std::size_t TtlSweeper::sweep(std::size_t max_per_table) {
  std::size_t deleted = 0;
  for (const auto& table : database_.catalog().tables()) {
    if (table->ttl.enabled && !table->ttl.attribute_name.empty()) deleted += sweep_table(*table, max_per_table);
  }
  return deleted;
}

std::size_t TtlSweeper::sweep_table(const TableDefinition& table, std::size_t max_deletions) {
  double now = clock_.now();
  const std::string& attribute = table.ttl.attribute_name;
  std::vector<Item> keys;
  engine::ItemReader reader = database_.read(engine::ItemRange::scan(table, nullptr), true);
  for (; reader.valid() && keys.size() < max_deletions; reader.next()) {
    auto item = reader.item();
    if (!item) continue;  // logged; the other items still expire
    if (expired(*item, attribute, now)) keys.push_back(engine::key_of(table.key, *item));
  }
  if (!reader.status()) return 0;  // logged; the next sweep tries again
  std::size_t deleted = 0;
  for (const auto& key : keys) {
    // The item may have changed since the scan: delete it only if it is still expired.
    auto outcome = database_.write_item(
        table, key,
        [&](const std::optional<Item>& current) -> Result<std::optional<Item>> {
          if (!current || !expired(*current, attribute, now)) {
            return fail(ApiError{ErrorCode::kConditionalCheckFailed, "no longer expired", {}});
          }
          return std::optional<Item>();
        },
        true);
    if (outcome) ++deleted;
  }
  if (deleted > 0) spdlog::debug("ttl: deleted {} expired items from {}", deleted, table.name);
  return deleted;
}

}  // namespace eddy::ttl
