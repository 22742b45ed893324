// Catalog: the table definitions, persisted under 'c' <name> and served from memory. Readers get an
// immutable snapshot (shared_ptr<const TableDefinition>) so that a request keeps a consistent view
// of its table while DDL publishes a new version.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "engine/storage.h"
#include "model/table_definition.h"

namespace eddy::engine {

using TablePtr = std::shared_ptr<const TableDefinition>;

class Catalog {
 public:
  explicit Catalog(Storage& storage) : storage_(storage) {}

  // Reads every definition from storage (at start).
  Result<void> load();
  // nullptr when there is no such table.
  TablePtr find(std::string_view name) const;
  // Every table name, sorted.
  std::vector<std::string> names() const;
  std::vector<TablePtr> tables() const;
  // Persists `table` and publishes it (new or replacing the definition of the same name).
  Result<void> put(TableDefinition table);
  // Adds the catalog change to `writes` instead of writing it (for DDL that also deletes data).
  void put_in(WriteSet& writes, const TableDefinition& table) const;
  void publish(TableDefinition table);
  void remove_in(WriteSet& writes, const std::string& name) const;
  void unpublish(const std::string& name);
  // Held by CreateTable/UpdateTable/DeleteTable so that DDL on the catalog is serialised.
  std::mutex& ddl_mutex() { return ddl_mutex_; }

 private:
  Storage& storage_;
  mutable std::shared_mutex mutex_;
  std::map<std::string, TablePtr, std::less<>> tables_;
  std::mutex ddl_mutex_;
};

}  // namespace eddy::engine
