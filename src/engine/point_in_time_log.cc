// The point-in-time log's keys and verbs; the grammar is in point_in_time_log.h.
#include "engine/point_in_time_log.h"

#include <cmath>

#include "engine/item_codec.h"
#include "engine/key_codec.h"
#include "model/result.h"

namespace eddy::engine {
namespace {

constexpr char kBaseTag = 'B';
constexpr char kTimeTag = 'T';
constexpr char kChangeTag = 'L';
constexpr char kPut = 'P';
constexpr char kRemove = 'D';
constexpr std::size_t kTableKeyHead = 9;  // 'i' table_id:u64
constexpr std::size_t kChangeHead = 18;   // 'p' 'L' table_id:u64 time_ms:u64 (after the tag: 2 + 8 + 8)
constexpr std::size_t kItemsPerBatch = 1000;

std::string with_table(char tag, uint64_t table_id) {
  std::string key(1, kPointInTimePrefix);
  key.push_back(tag);
  append_u64(key, table_id);
  return key;
}

std::string change_key(uint64_t table_id, uint64_t time_ms, std::string_view tail) {
  std::string key = with_table(kChangeTag, table_id);
  append_u64(key, time_ms);
  key.append(tail);
  return key;
}

Item key_attributes(const TableDefinition& table, const Item& item) {
  Item key;
  for (const auto& name : table.key.attribute_names()) {
    if (auto it = item.find(name); it != item.end()) key.insert(*it);
  }
  return key;
}

constexpr std::size_t kBaseHead = 10;  // 'p' 'B' table_id:u64

Result<std::optional<Item>> decoded(const std::optional<std::string>& bytes) {
  if (!bytes) return std::optional<Item>();
  auto item = decode_item(*bytes);
  if (!item) return fail(storage_failure("a point-in-time item does not decode"));
  return std::optional<Item>(std::move(*item));
}

std::string time_value(uint64_t ms) {
  std::string value;
  append_u64(value, ms);
  return value;
}

}  // namespace

Result<void> PointInTimeLog::on_change(const ItemChange& change, CommitContext& context) {
  const TableDefinition& table = *change.table;
  if (!table.pitr.enabled || clock_ == nullptr) return {};
  const Item& any = change.new_item->has_value() ? **change.new_item : **change.old_item;
  std::string tail = item_key(table.id, table.key, any).substr(kTableKeyHead);
  auto now_ms = static_cast<uint64_t>(std::floor(clock_->now() * 1000));
  std::string value;
  if (change.new_item->has_value()) {
    value.push_back(kPut);
    encode_item_to(value, **change.new_item);
  } else {
    value.push_back(kRemove);
    encode_item_to(value, key_attributes(table, any));
  }
  context.writes_.put(change_key(table.id, now_ms, tail), value);
  return {};
}

Result<void> PointInTimeLog::start(const TableDefinition& table, uint64_t now_ms) {
  EDDY_TRY_VOID(stop(table.id));
  auto view = storage_.read_view();
  auto cursor =
      storage_.cursor(entries_prefix(kItemPrefix, table.id), entries_prefix(kItemPrefix, table.id + 1), view.get());
  WriteSet writes;
  std::size_t pending = 0;
  std::string base = with_table(kBaseTag, table.id);
  for (cursor->seek_to_first(); cursor->valid(); cursor->next()) {
    writes.put(base + std::string(cursor->key().substr(kTableKeyHead)), cursor->value());
    if (++pending == kItemsPerBatch) {
      EDDY_TRY_VOID(storage_.write(writes));
      writes = WriteSet();
      pending = 0;
    }
  }
  EDDY_TRY_VOID(cursor->status());
  writes.put(with_table(kTimeTag, table.id), time_value(now_ms));
  return storage_.write(writes);
}

Result<void> PointInTimeLog::stop(uint64_t table_id) {
  WriteSet writes;
  writes.remove(with_table(kTimeTag, table_id));
  writes.remove_range(with_table(kBaseTag, table_id), with_table(kBaseTag, table_id + 1));
  writes.remove_range(with_table(kChangeTag, table_id), with_table(kChangeTag, table_id + 1));
  return storage_.write(writes);
}

Result<uint64_t> PointInTimeLog::base_ms(uint64_t table_id, const ReadView* view) const {
  EDDY_TRY(auto stored, storage_.get(with_table(kTimeTag, table_id), view));
  if (!stored || stored->size() != 8) return uint64_t{0};
  return read_u64(*stored);
}

Result<void> PointInTimeLog::trim(uint64_t table_id, uint64_t before_ms) {
  EDDY_TRY(uint64_t base_time, base_ms(table_id));
  if (base_time == 0 || before_ms <= base_time) return {};
  std::string lower = with_table(kChangeTag, table_id);
  std::string upper = change_key(table_id, before_ms, "");
  auto cursor = storage_.cursor(lower, upper);
  WriteSet writes;
  std::string base = with_table(kBaseTag, table_id);
  for (cursor->seek_to_first(); cursor->valid(); cursor->next()) {
    std::string key = base + std::string(cursor->key().substr(kChangeHead));
    std::string_view value = cursor->value();
    if (!value.empty() && value.front() == kPut) {
      writes.put(key, value.substr(1));
    } else {
      writes.remove(key);
    }
  }
  EDDY_TRY_VOID(cursor->status());
  // Folded changes are applied in time order within the one batch, so a later change of an item
  // overwrites an earlier one in the base.
  writes.remove_range(lower, upper);
  writes.put(with_table(kTimeTag, table_id), time_value(before_ms));
  return storage_.write(writes);
}

Result<void> PointInTimeLog::visit_changes(uint64_t table_id, uint64_t from_ms, uint64_t to_ms,
                                           const std::function<Result<bool>(const Change&)>& visit,
                                           const ReadView* view) const {
  std::string upper = to_ms == UINT64_MAX ? with_table(kChangeTag, table_id + 1) : change_key(table_id, to_ms + 1, "");
  auto cursor = storage_.cursor(change_key(table_id, from_ms, ""), upper, view);
  for (cursor->seek_to_first(); cursor->valid(); cursor->next()) {
    std::string_view value = cursor->value();
    if (value.empty()) return fail(storage_failure("an empty point-in-time change"));
    auto item = decode_item(value.substr(1));
    if (!item) return fail(storage_failure("a point-in-time change does not decode"));
    Change change{read_u64(cursor->key().substr(10, 8)), value.front() == kRemove, std::move(*item)};
    EDDY_TRY(bool more, visit(change));
    if (!more) break;
  }
  return cursor->status();
}

Result<void> PointInTimeLog::visit_base(uint64_t table_id, const std::function<Result<bool>(const Item&)>& visit,
                                        const ReadView* view) const {
  auto cursor = storage_.cursor(with_table(kBaseTag, table_id), with_table(kBaseTag, table_id + 1), view);
  for (cursor->seek_to_first(); cursor->valid(); cursor->next()) {
    auto item = decode_item(cursor->value());
    if (!item) return fail(storage_failure("a point-in-time base item does not decode"));
    EDDY_TRY(bool more, visit(*item));
    if (!more) break;
  }
  return cursor->status();
}

Result<PointInTimeLog::Overlay> PointInTimeLog::changes_before(uint64_t table_id, uint64_t before_ms,
                                                               const Overlay* only, const ReadView* view) const {
  Overlay overlay;
  if (before_ms == 0) return overlay;
  auto cursor = storage_.cursor(with_table(kChangeTag, table_id), change_key(table_id, before_ms, ""), view);
  for (cursor->seek_to_first(); cursor->valid(); cursor->next()) {
    std::string tail(cursor->key().substr(kChangeHead));
    if (only != nullptr && !only->contains(tail)) continue;
    std::string_view value = cursor->value();
    if (value.empty()) return fail(storage_failure("an empty point-in-time change"));
    // Changes come in time order, so a later one of the same item replaces an earlier one.
    if (value.front() == kPut) {
      overlay[tail] = std::string(value.substr(1));
    } else {
      overlay[tail] = std::nullopt;
    }
  }
  EDDY_TRY_VOID(cursor->status());
  return overlay;
}

Result<void> PointInTimeLog::visit_items_at(uint64_t table_id, uint64_t time_ms,
                                            const std::function<Result<bool>(const Item&)>& visit,
                                            const ReadView* view) const {
  EDDY_TRY(Overlay overlay, changes_before(table_id, time_ms + 1, nullptr, view));
  auto cursor = storage_.cursor(with_table(kBaseTag, table_id), with_table(kBaseTag, table_id + 1), view);
  auto next_change = overlay.begin();
  // Visits the changed items whose keys sort before `tail` (all of them when null).
  auto changes_until = [&](const std::string* tail) -> Result<bool> {
    for (; next_change != overlay.end() && (tail == nullptr || next_change->first < *tail); ++next_change) {
      EDDY_TRY(std::optional<Item> item, decoded(next_change->second));
      if (!item) continue;
      EDDY_TRY(bool more, visit(*item));
      if (!more) return false;
    }
    return true;
  };
  for (cursor->seek_to_first(); cursor->valid(); cursor->next()) {
    std::string tail(cursor->key().substr(kBaseHead));
    EDDY_TRY(bool more, changes_until(&tail));
    if (!more) return {};
    std::optional<std::string> bytes = std::string(cursor->value());
    if (next_change != overlay.end() && next_change->first == tail) bytes = (next_change++)->second;
    EDDY_TRY(std::optional<Item> item, decoded(bytes));
    if (!item) continue;
    EDDY_TRY(more, visit(*item));
    if (!more) return {};
  }
  EDDY_TRY_VOID(cursor->status());
  EDDY_TRY_VOID(changes_until(nullptr));
  return {};
}

Result<void> PointInTimeLog::visit_changed_items(const TableDefinition& table, uint64_t from_ms, uint64_t to_ms,
                                                 const std::function<Result<bool>(const ChangedItem&)>& visit,
                                                 const ReadView* view) const {
  // The last change of each item in the period, then each one's state just before it.
  std::map<std::string, uint64_t> last_change;
  Overlay latest;
  if (to_ms > from_ms) {
    auto cursor = storage_.cursor(change_key(table.id, from_ms, ""), change_key(table.id, to_ms, ""), view);
    for (cursor->seek_to_first(); cursor->valid(); cursor->next()) {
      std::string tail(cursor->key().substr(kChangeHead));
      std::string_view value = cursor->value();
      if (value.empty()) return fail(storage_failure("an empty point-in-time change"));
      last_change[tail] = read_u64(cursor->key().substr(10, 8));
      if (value.front() == kPut) {
        latest[tail] = std::string(value.substr(1));
      } else {
        latest[tail] = std::nullopt;
      }
    }
    EDDY_TRY_VOID(cursor->status());
  }
  EDDY_TRY(Overlay before, changes_before(table.id, from_ms, &latest, view));
  std::string base = with_table(kBaseTag, table.id);
  for (const auto& [tail, bytes] : latest) {
    ChangedItem changed;
    changed.last_change_ms = last_change[tail];
    EDDY_TRY(changed.new_item, decoded(bytes));
    if (auto earlier = before.find(tail); earlier != before.end()) {
      EDDY_TRY(changed.old_item, decoded(earlier->second));
    } else {
      EDDY_TRY(auto stored, storage_.get(base + tail, view));
      EDDY_TRY(changed.old_item, decoded(stored));
    }
    // Made and removed within the period: nothing to export.
    if (!changed.new_item && !changed.old_item) continue;
    changed.key = key_attributes(table, changed.new_item ? *changed.new_item : *changed.old_item);
    EDDY_TRY(bool more, visit(changed));
    if (!more) break;
  }
  return {};
}

Result<uint64_t> PointInTimeLog::change_count(uint64_t table_id) const {
  auto cursor = storage_.cursor(with_table(kChangeTag, table_id), with_table(kChangeTag, table_id + 1));
  uint64_t count = 0;
  for (cursor->seek_to_first(); cursor->valid(); cursor->next()) ++count;
  EDDY_TRY_VOID(cursor->status());
  return count;
}

}  // namespace eddy::engine
