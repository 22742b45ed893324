// The translation of DynamoDB's legacy (pre-expression) parameters (model/legacy_parameters.h) into
// the same Condition, Update, Projection and KeyCondition the expressions produce:
//   Expected, QueryFilter, ScanFilter, KeyConditions -> LegacyCondition
//   AttributeUpdates                                 -> LegacyAttributeUpdate
//   AttributesToGet                                  -> attribute names
// Reading them from a request lives in protocol/requests/legacy_parameters.h; the checks on their
// content, with DynamoDB's messages, live here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "expr/expression.h"
#include "model/attribute_value.h"
#include "model/legacy_parameters.h"

namespace eddy::expr {

// Expected (expected = true) or QueryFilter/ScanFilter: the conditions joined by AND, or by OR
// when `use_or` (ConditionalOperator OR). ValidationException with DynamoDB's texts, e.g.
// "One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN
// ComparisonOperator".
Result<Condition> legacy_condition(const std::vector<LegacyCondition>& conditions, bool use_or, bool expected);

// A QueryFilter (whose conditions may not name `key_attribute_names`: "QueryFilter can only contain
// non-primary key attributes: Primary key attribute: sk") or a ScanFilter (no key names) joined by
// AND, or by OR when `use_or`.
Result<Condition> legacy_filter(const std::vector<LegacyCondition>& conditions, bool use_or,
                                const std::vector<std::string>& key_attribute_names);

// KeyConditions against the key schema (one partition and at most one sort attribute).
Result<KeyCondition> legacy_key_condition(const std::vector<LegacyCondition>& conditions,
                                          const std::vector<std::string>& partition_key_names,
                                          const std::vector<std::string>& sort_key_names);

// AttributeUpdates as an Update ("Cannot update attribute pk. This attribute is part of the key",
// "Only DELETE action is allowed when no attribute value is specified", ...). ADD of a list
// appends to it, as DynamoDB does for AttributeUpdates.
Result<Update> legacy_update(const std::vector<LegacyAttributeUpdate>& updates,
                             const std::vector<std::string>& key_attribute_names);

// AttributesToGet as a Projection of top-level attributes ("One or more parameter values were
// invalid: Duplicate value in attribute name: a"). An empty list projects nothing away (the whole item).
Result<Projection> legacy_projection(const std::vector<std::string>& attributes_to_get);

}  // namespace eddy::expr
