// Stream record rendering; see stream_record.h.
#include "streams/stream_record.h"

#include <cmath>
#include <cstdio>

#include "engine/database.h"
#include "model/random_ids.h"
#include "protocol/attribute_value_json.h"
#include "protocol/json.h"
#include "streams/sequence_number.h"

namespace eddy::streams {
namespace {

// 32 hex digits, as AWS's eventIDs.
std::string new_event_id() {
  char text[40];
  std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(random_u64()),
                static_cast<unsigned long long>(random_u64()));
  return text;
}

void write_string(JsonWriter& w, const char* key, std::string_view value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

}  // namespace

std::string render_record(const RecordInput& in, std::size_t& sequence_at) {
  const std::optional<Item>& old_item = *in.old_item;
  const std::optional<Item>& new_item = *in.new_item;
  const char* event_name = !old_item ? "INSERT" : !new_item ? "REMOVE" : "MODIFY";
  bool with_new = new_item && (in.view_type == "NEW_IMAGE" || in.view_type == "NEW_AND_OLD_IMAGES");
  bool with_old = old_item && (in.view_type == "OLD_IMAGE" || in.view_type == "NEW_AND_OLD_IMAGES");
  Item keys = engine::key_of(*in.key, new_item ? *new_item : *old_item);
  // SizeBytes counts what the record carries, as DynamoDB does: keys plus the images included.
  std::size_t size = item_size(keys) + (with_new ? item_size(*new_item) : 0) + (with_old ? item_size(*old_item) : 0);

  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  write_string(w, "eventID", new_event_id());
  write_string(w, "eventName", event_name);
  write_string(w, "eventVersion", "1.1");
  write_string(w, "eventSource", "aws:dynamodb");
  write_string(w, "awsRegion", in.region);
  w.Key("dynamodb");
  w.StartObject();
  w.Key("ApproximateCreationDateTime");
  w.Int64(static_cast<int64_t>(std::floor(in.now)));
  w.Key("Keys");
  encode_attribute_map(w, keys);
  if (with_new) {
    w.Key("NewImage");
    encode_attribute_map(w, *new_item);
  }
  if (with_old) {
    w.Key("OldImage");
    encode_attribute_map(w, *old_item);
  }
  constexpr std::string_view kUnsequenced = "100000000000000000000";  // format_sequence_number(0)
  write_string(w, "SequenceNumber", kUnsequenced);
  sequence_at = buffer.GetSize() - 1 - kUnsequenced.size();  // before the closing quote
  w.Key("SizeBytes");
  w.Uint64(size);
  write_string(w, "StreamViewType", in.view_type);
  w.EndObject();
  if (in.expired_by_ttl) {
    w.Key("userIdentity");
    w.StartObject();
    write_string(w, "PrincipalId", "dynamodb.amazonaws.com");
    write_string(w, "Type", "Service");
    w.EndObject();
  }
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

void set_record_sequence(std::string& json, std::size_t sequence_at, uint64_t sequence) {
  // As format_sequence_number writes it: "1", then the counter in 20 digits.
  char* digits = json.data() + sequence_at;
  digits[0] = '1';
  for (int i = 20; i >= 1; --i, sequence /= 10) digits[i] = static_cast<char>('0' + sequence % 10);
}

}  // namespace eddy::streams
