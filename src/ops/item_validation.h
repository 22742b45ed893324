// Validation of items and keys against a table's schema, with DynamoDB's messages: key attributes
// present with their declared types, no empty string/binary key values, key and item size limits
// (model/limits.h), and index key attributes of the index's type.
#pragma once

#include "expr/expression.h"
#include "model/api_error.h"
#include "model/attribute_value.h"
#include "model/limits.h"
#include "model/table_definition.h"

namespace eddy::ops {

// A Key parameter (GetItem, DeleteItem, UpdateItem...): exactly the key attributes, right types.
Result<void> validate_key(const TableDefinition& table, const Item& key);
// The empty string or binary key values of `item` (an item, or a key), which DynamoDB refuses up
// front, before a transaction runs, as a plain ValidationException (while a key of the wrong type
// is an action's ValidationError cancellation reason). `with_indexes`: the index keys too (a Put's
// item). The messages are validate_key's and validate_item's.
Result<void> check_empty_key_values(const TableDefinition& table, const Item& item, bool with_indexes);
// A whole item to be stored (PutItem, or the result of an update): keys, index keys, sizes.
Result<void> validate_item(const TableDefinition& table, const Item& item);
// An item an UpdateExpression produced: no more than the 32 levels of maps and lists (the item
// itself counting as one) that a request's values may have, so that repeated updates cannot nest
// items ever deeper. ValidationException "Nesting Levels have exceeded supported limits".
Result<void> validate_updated_nesting(const Item& item);

// "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part
// of the key" when the update touches a key attribute of `table` (or a path inside one).
Result<void> check_key_attributes_not_updated(const TableDefinition& table, const expr::Update& update);

// The index key checks DynamoDB makes on the item an update produced, with the update's wording
// for empty values ("The update expression attempted to update a secondary index key to a value
// that is not supported..."), then every check of a stored item, with the update's wording for
// the size limit ("Item size to update has exceeded the maximum allowed size").
Result<void> validate_updated_item(const TableDefinition& table, const Item& item);

}  // namespace eddy::ops
