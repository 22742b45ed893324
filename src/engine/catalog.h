// Catalog: the table definitions, persisted under 'c' <name> and served from memory. Readers get an
// immutable snapshot (shared_ptr<const TableDefinition>) so that a request keeps a consistent view
// of its table while DDL publishes a new version.
//
// DDL verbs (create, modify, remove) each hold the catalog's DDL lock for their whole
// check-change-store, so that DDL is serialised; no caller takes that lock itself. Ids of new
// tables and indexes come from the engine (Storage::next_id), never from the caller.
#pragma once

#include <functional>
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
// Checks and changes a copy of a definition; an error leaves the catalog as it was.
using TableMutator = std::function<Result<void>(TableDefinition& table)>;
// Runs after a definition is stored, still under the DDL lock.
using TableStored = std::function<Result<void>(const TableDefinition& stored)>;
// Sees a definition before it is removed, under the DDL lock; an error keeps the table.
using TableCheck = std::function<Result<void>(const TableDefinition& table)>;

class Catalog {
 public:
  explicit Catalog(Storage& storage) : storage_(storage) {}

  // Reads every definition from storage (at start, or again after a restore: what was published
  // before is forgotten).
  Result<void> load();
  // nullptr when there is no such table.
  TablePtr find(std::string_view name) const;
  // Every table name, sorted.
  std::vector<std::string> names() const;
  std::vector<TablePtr> tables() const;

  // CreateTable: refuses a name in use (ResourceInUseException "Table already exists: <name>"),
  // lets `complete` check the catalog (it may refuse: one table too many) and complete the
  // definition, gives the table and each of its indexes a new id, then stores and publishes it.
  Result<TablePtr> create(TableDefinition table, const TableMutator& complete);
  // UpdateTable, UpdateTimeToLive, TagResource, UntagResource: `mutate` changes a copy of the
  // table's definition; unless it fails, indexes it added (id 0) get ids, the copy is stored and
  // published, and `stored` runs with it. Returns the definition as stored, or nullptr (nothing
  // called, nothing stored) when there is no table of that name.
  Result<TablePtr> modify(std::string_view name, const TableMutator& mutate, const TableStored& stored = {});
  // DeleteTable: `check` may refuse; then the definition is removed (persisted) and unpublished and
  // is returned, or nullptr when there is no such table. The table's data is left to the caller
  // (Database::delete_table drops it once the DDL lock is released).
  Result<TablePtr> remove(std::string_view name, const TableCheck& check);

 private:
  friend class Database;
  // Persists `table` and publishes it (new or replacing the definition of the same name).
  Result<void> put(TableDefinition table);
  Result<void> assign_ids(TableDefinition& table);
  void publish(TableDefinition table);

  Storage& storage_;
  mutable std::shared_mutex mutex_;
  std::map<std::string, TablePtr, std::less<>> tables_;
  std::mutex ddl_mutex_;
};

}  // namespace eddy::engine
