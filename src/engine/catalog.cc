// The catalog of table definitions; see catalog.h.
#include "engine/catalog.h"

#include "engine/catalog_codec.h"
#include "engine/key_codec.h"

namespace eddy::engine {
namespace {

std::string catalog_key(const std::string& name) { return std::string(1, kCatalogPrefix) + name; }

}  // namespace

Result<void> Catalog::load() {
  std::string lower(1, kCatalogPrefix);
  std::string upper(1, static_cast<char>(kCatalogPrefix + 1));
  auto cursor = storage_.cursor(lower, upper);
  std::unique_lock lock(mutex_);
  for (cursor->seek_to_first(); cursor->valid(); cursor->next()) {
    auto table = decode_table_definition(cursor->value());
    if (!table) return fail(ApiError::internal("corrupt catalog entry " + std::string(cursor->key())));
    std::string name = table->name;
    tables_[name] = std::make_shared<const TableDefinition>(std::move(*table));
  }
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

Result<void> Catalog::put(TableDefinition table) {
  WriteSet writes;
  put_in(writes, table);
  if (auto written = storage_.write(writes); !written) return written;
  publish(std::move(table));
  return {};
}

void Catalog::put_in(WriteSet& writes, const TableDefinition& table) const {
  writes.put(catalog_key(table.name), encode_table_definition(table));
}

void Catalog::publish(TableDefinition table) {
  std::string name = table.name;
  auto pointer = std::make_shared<const TableDefinition>(std::move(table));
  std::unique_lock lock(mutex_);
  tables_[name] = std::move(pointer);
}

void Catalog::remove_in(WriteSet& writes, const std::string& name) const { writes.remove(catalog_key(name)); }

void Catalog::unpublish(const std::string& name) {
  std::unique_lock lock(mutex_);
  tables_.erase(name);
}

}  // namespace eddy::engine
