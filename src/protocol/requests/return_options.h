// The Return* members of item requests (ReturnValues, ReturnConsumedCapacity,
// ReturnItemCollectionMetrics, ReturnValuesOnConditionCheckFailure): their values, each set declared
// once in the order DynamoDB's "Member must satisfy enum value set" message lists it.
#pragma once

#include "protocol/shape.h"

namespace eddy::protocol {

enum class ReturnValue { kNone, kAllOld, kUpdatedOld, kAllNew, kUpdatedNew };
enum class ReturnConsumedCapacity { kNone, kTotal, kIndexes };
enum class ReturnItemCollectionMetrics { kNone, kSize };
enum class ReturnValuesOnConditionCheckFailure { kNone, kAllOld };

inline constexpr EnumValues<ReturnValue, 5> kReturnValues{
    {"ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW"},
    {ReturnValue::kAllNew, ReturnValue::kUpdatedOld, ReturnValue::kAllOld, ReturnValue::kNone,
     ReturnValue::kUpdatedNew}};
inline constexpr EnumValues<ReturnConsumedCapacity, 3> kReturnConsumedCapacity{
    {"INDEXES", "TOTAL", "NONE"},
    {ReturnConsumedCapacity::kIndexes, ReturnConsumedCapacity::kTotal, ReturnConsumedCapacity::kNone}};
inline constexpr EnumValues<ReturnItemCollectionMetrics, 2> kReturnItemCollectionMetrics{
    {"SIZE", "NONE"}, {ReturnItemCollectionMetrics::kSize, ReturnItemCollectionMetrics::kNone}};
inline constexpr EnumValues<ReturnValuesOnConditionCheckFailure, 2> kReturnValuesOnConditionCheckFailure{
    {"ALL_OLD", "NONE"}, {ReturnValuesOnConditionCheckFailure::kAllOld, ReturnValuesOnConditionCheckFailure::kNone}};

// ReturnValues, ReturnConsumedCapacity, ReturnItemCollectionMetrics and
// ReturnValuesOnConditionCheckFailure of PutItem, DeleteItem and UpdateItem, in DynamoDB's order.
template <typename R>
Members<R> item_write_return_members() {
  return {
      member("ReturnValues", &R::return_values, kReturnValues),
      member("ReturnConsumedCapacity", &R::return_consumed_capacity, kReturnConsumedCapacity),
      member("ReturnItemCollectionMetrics", &R::return_item_collection_metrics, kReturnItemCollectionMetrics),
      member("ReturnValuesOnConditionCheckFailure", &R::return_values_on_condition_check_failure,
             kReturnValuesOnConditionCheckFailure),
  };
}

}  // namespace eddy::protocol
