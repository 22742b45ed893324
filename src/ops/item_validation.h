// Validation of items and keys against a table's schema, with DynamoDB's messages: key attributes
// present with their declared types, no empty string/binary key values, key and item size limits,
// and index key attributes of the index's type.
#pragma once

#include "model/api_error.h"
#include "model/attribute_value.h"
#include "model/table_definition.h"

namespace eddy::ops {

inline constexpr std::size_t kMaxItemBytes = 400 * 1024;
inline constexpr std::size_t kMaxPartitionKeyBytes = 2048;
inline constexpr std::size_t kMaxSortKeyBytes = 1024;

// A Key parameter (GetItem, DeleteItem, UpdateItem...): exactly the key attributes, right types.
Result<void> validate_key(const TableDefinition& table, const Item& key);
// A whole item to be stored (PutItem, or the result of an update): keys, index keys, sizes.
Result<void> validate_item(const TableDefinition& table, const Item& item);
// Only the size limit (for items produced by updates, whose keys are known good).
Result<void> validate_item_size(const Item& item);
// An item an UpdateExpression produced: no more than the 32 levels of maps and lists (the item
// itself counting as one) that a request's values may have, so that repeated updates cannot nest
// items ever deeper. ValidationException "Nesting Levels have exceeded supported limits".
Result<void> validate_updated_nesting(const Item& item);

}  // namespace eddy::ops
