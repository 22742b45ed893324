// Cancellation reasons; see transaction_cancellation.h.
#include "ops/transaction_cancellation.h"

#include "protocol/attribute_value_json.h"
#include "protocol/json.h"

namespace eddy::ops {

CancellationReason cancellation_reason(const std::optional<ApiError>& error, const std::optional<Item>& current,
                                       bool return_old) {
  CancellationReason reason;
  if (!error) return reason;
  switch (error->code) {
    case ErrorCode::kConditionalCheckFailed:
      reason.code = "ConditionalCheckFailed";
      reason.message = "The conditional request failed";
      if (return_old && current) reason.item = current;
      return reason;
    case ErrorCode::kTransactionConflict: return conflict_reason();
    case ErrorCode::kItemCollectionSizeLimitExceeded: reason.code = "ItemCollectionSizeLimitExceeded"; break;
    case ErrorCode::kProvisionedThroughputExceeded: reason.code = "ProvisionedThroughputExceeded"; break;
    default: reason.code = "ValidationError"; break;
  }
  reason.message = error->message;
  return reason;
}

CancellationReason conflict_reason() {
  return CancellationReason{"TransactionConflict", "Transaction is ongoing for the item", std::nullopt};
}

ApiError transaction_canceled(const std::vector<CancellationReason>& reasons) {
  std::string codes;
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartArray();
  for (const auto& reason : reasons) {
    codes += (codes.empty() ? "" : ", ") + reason.code;
    writer.StartObject();
    if (reason.item) {
      writer.Key("Item");
      encode_attribute_map(writer, *reason.item);
    }
    writer.Key("Code");
    writer.String(reason.code.data(), static_cast<rapidjson::SizeType>(reason.code.size()));
    if (!reason.message.empty()) {
      writer.Key("Message");
      writer.String(reason.message.data(), static_cast<rapidjson::SizeType>(reason.message.size()));
    }
    writer.EndObject();
  }
  writer.EndArray();
  return ApiError{ErrorCode::kTransactionCanceled,
                  "Transaction cancelled, please refer cancellation reasons for specific reasons [" + codes + "]",
                  "\"CancellationReasons\":" + std::string(buffer.GetString(), buffer.GetSize())};
}

}  // namespace eddy::ops
