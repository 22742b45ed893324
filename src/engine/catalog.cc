// The catalog of table definitions; see catalog.h.
#include "engine/catalog.h"

#include "engine/catalog_codec.h"
#include "engine/key_codec.h"
#include "model/result.h"

namespace eddy::engine {
namespace {

std::string catalog_key(std::string_view name) { return std::string(1, kCatalogPrefix) + std::string(name); }

}  // namespace

Result<void> Catalog::load() {
  std::string lower(1, kCatalogPrefix);
  std::string upper(1, static_cast<char>(kCatalogPrefix + 1));
  auto cursor = storage_.cursor(lower, upper);
  std::unique_lock lock(mutex_);
  tables_.clear();
  for (cursor->seek_to_first(); cursor->valid(); cursor->next()) {
    auto table = decode_table_definition(cursor->value());
    if (!table) return fail(ApiError::internal("corrupt catalog entry " + std::string(cursor->key())));
    std::string name = table->name;
    tables_[name] = std::make_shared<const TableDefinition>(std::move(*table));
  }
  if (auto read = cursor->status(); !read)
    return fail(ApiError::internal("cannot read the catalog of the data folder"));
  return {};
}

TablePtr Catalog::find(std::string_view name) const {
  std::shared_lock lock(mutex_);
  auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : it->second;
}

std::vector<std::string> Catalog::names() const {
  std::shared_lock lock(mutex_);
  std::vector<std::string> out;
  out.reserve(tables_.size());
  for (const auto& [name, table] : tables_) out.push_back(name);
  return out;
}

std::vector<TablePtr> Catalog::tables() const {
  std::shared_lock lock(mutex_);
  std::vector<TablePtr> out;
  for (const auto& [name, table] : tables_) out.push_back(table);
  return out;
}

Result<TablePtr> Catalog::create(TableDefinition table, const TableMutator& complete) {
  std::lock_guard<std::mutex> ddl(ddl_mutex_);
  if (find(table.name) != nullptr) return fail(ApiError::in_use("Table already exists: " + table.name));
  EDDY_TRY_VOID(complete(table));
  table.id = 0;
  EDDY_TRY_VOID(assign_ids(table));
  std::string name = table.name;
  EDDY_TRY_VOID(put(std::move(table)));
  return find(name);
}

Result<TablePtr> Catalog::modify(std::string_view name, const TableMutator& mutate, const TableStored& stored) {
  std::lock_guard<std::mutex> ddl(ddl_mutex_);
  TablePtr current = find(name);
  if (current == nullptr) return TablePtr();
  TableDefinition table = *current;
  EDDY_TRY_VOID(mutate(table));
  EDDY_TRY_VOID(assign_ids(table));
  EDDY_TRY_VOID(put(table));
  TablePtr published = find(name);
  if (stored) {
    EDDY_TRY_VOID(stored(*published));
  }
  return published;
}

Result<TablePtr> Catalog::remove(std::string_view name, const TableCheck& check) {
  std::lock_guard<std::mutex> ddl(ddl_mutex_);
  TablePtr table = find(name);
  if (table == nullptr) return TablePtr();
  EDDY_TRY_VOID(check(*table));
  WriteSet writes;
  writes.remove(catalog_key(name));
  EDDY_TRY_VOID(storage_.write(writes));
  std::unique_lock lock(mutex_);
  if (auto published = tables_.find(name); published != tables_.end()) tables_.erase(published);
  return table;
}

Result<void> Catalog::assign_ids(TableDefinition& table) {
  auto assign = [&](uint64_t& id) -> Result<void> {
    if (id != 0) return {};
    EDDY_TRY(id, storage_.next_id());
    return {};
  };
  EDDY_TRY_VOID(assign(table.id));
  for (auto* indexes : {&table.local_indexes, &table.global_indexes}) {
    for (auto& index : *indexes) {
      EDDY_TRY_VOID(assign(index.id));
    }
  }
  return {};
}

Result<void> Catalog::put(TableDefinition table) {
  WriteSet writes;
  writes.put(catalog_key(table.name), encode_table_definition(table));
  EDDY_TRY_VOID(storage_.write(writes));
  publish(std::move(table));
  return {};
}

void Catalog::publish(TableDefinition table) {
  std::string name = table.name;
  auto pointer = std::make_shared<const TableDefinition>(std::move(table));
  std::unique_lock lock(mutex_);
  tables_[name] = std::move(pointer);
}

}  // namespace eddy::engine
