// On-failure destinations and Lambda's invocation record; see on_failure_destination.h.
#include "triggers/on_failure_destination.h"

#include <filesystem>
#include <fstream>

#include "model/number.h"
#include "model/random_ids.h"
#include "protocol/json.h"
#include "protocol/json_members.h"
#include "protocol/json_parse.h"
#include "triggers/lambda_event.h"

namespace eddy::triggers {
namespace {

constexpr std::string_view kFileScheme = "file://";
constexpr std::string_view kTableArnPrefix = "arn:aws:dynamodb:";

ApiError invalid(std::string message) { return ApiError{ErrorCode::kInvalidParameterValue, std::move(message), {}}; }

// The record's JSON members as attribute values: strings S, numbers N, objects M.
AttributeValue attribute_of(const JsonValue& value) {
  if (value.IsString()) return AttributeValue::string(std::string(value.GetString(), value.GetStringLength()));
  if (value.IsBool()) return AttributeValue::boolean_value(value.GetBool());
  if (value.IsNumber()) {
    std::string text = value.IsInt64() ? std::to_string(value.GetInt64()) : std::to_string(value.GetDouble());
    auto number = Number::parse(text);
    return AttributeValue::number(number ? number->to_string() : "0");
  }
  if (value.IsObject()) {
    AttributeValue map;
    map.type = AttributeType::kM;
    for (const auto& member : value.GetObject()) map.map[member.name.GetString()] = attribute_of(member.value);
    return map;
  }
  if (value.IsArray()) {
    AttributeValue list;
    list.type = AttributeType::kL;
    for (const auto& element : value.GetArray()) list.list.push_back(attribute_of(element));
    return list;
  }
  return AttributeValue::null();
}

}  // namespace

std::string invocation_record(const FailedBatch& b, const std::string& request_id, double now) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("requestContext");
  w.StartObject();
  put(w, "requestId", request_id);
  put(w, "functionArn", b.function_arn);
  put(w, "condition", b.condition);
  w.Key("approximateInvokeCount");
  w.Int64(b.invoke_count);
  w.EndObject();
  w.Key("responseContext");
  w.StartObject();
  w.Key("statusCode");
  w.Int(b.status);
  put(w, "executedVersion", b.executed_version);
  if (!b.function_error.empty()) put(w, "functionError", b.function_error);
  w.EndObject();
  put(w, "version", "1.0");
  put(w, "timestamp", iso_millis(now));
  w.Key("DDBStreamBatchInfo");
  w.StartObject();
  put(w, "shardId", b.shard_id);
  put(w, "startSequenceNumber", b.first_sequence);
  put(w, "endSequenceNumber", b.last_sequence);
  put(w, "approximateArrivalOfFirstRecord", iso_seconds(b.first_arrival));
  put(w, "approximateArrivalOfLastRecord", iso_seconds(b.last_arrival));
  w.Key("batchSize");
  w.Uint64(b.batch_size);
  put(w, "streamArn", b.stream_arn);
  w.EndObject();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

Result<OnFailureDestination> OnFailureDestination::parse(std::string_view destination, engine::Database& database) {
  OnFailureDestination out;
  if (destination.starts_with(kFileScheme)) {
    std::string folder(destination.substr(kFileScheme.size()));
    if (folder.empty() || folder.front() != '/') {
      return fail(invalid("The on-failure destination " + std::string(destination) +
                          " must name an absolute folder, as file:///path/to/folder."));
    }
    out.folder_ = folder;
    return out;
  }
  std::size_t slash = destination.find(":table/");
  if (!destination.starts_with(kTableArnPrefix) || slash == std::string_view::npos ||
      destination.find("/stream/") != std::string_view::npos) {
    return fail(invalid("The on-failure destination " + std::string(destination) +
                        " must be a file:// folder or the ARN of an eddy table."));
  }
  out.table_name_ = std::string(destination.substr(slash + 7));
  engine::TablePtr table = database.catalog().find(out.table_name_);
  if (table == nullptr)
    return fail(invalid("The on-failure destination table does not exist: " + std::string(destination)));
  bool string_keys = table->key.partition_attribute().type == AttributeType::kS &&
                     (!table->key.has_sort_key() || table->key.sort_key.front().type == AttributeType::kS);
  if (!string_keys) {
    return fail(invalid("The on-failure destination table " + out.table_name_ +
                        " must have a string partition key (and a string sort key, if any)."));
  }
  return out;
}

Result<void> OnFailureDestination::send(const FailedBatch& batch, engine::Database& database, double now) const {
  std::string request_id = random_uuid();
  std::string record = invocation_record(batch, request_id, now);
  if (!folder_.empty()) return send_to_folder(request_id, record, now);
  return send_to_table(request_id, record, database, now);
}

// <timestamp>-<requestId>.json, written under a temporary name first so that a reader of the
// folder never sees half a record.
Result<void> OnFailureDestination::send_to_folder(const std::string& request_id, const std::string& record,
                                                  double now) const {
  std::error_code error;
  std::filesystem::create_directories(folder_, error);
  std::string name = iso_millis(now) + "-" + request_id + ".json";
  for (auto& c : name) {
    if (c == ':') c = '-';
  }
  std::filesystem::path path = std::filesystem::path(folder_) / name;
  std::filesystem::path temporary = std::filesystem::path(folder_) / ("." + name + ".tmp");
  {
    std::ofstream out(temporary, std::ios::binary);
    out << record << "\n";
    if (!out) return fail(ApiError::internal("cannot write " + temporary.string()));
  }
  std::filesystem::rename(temporary, path, error);
  if (error) return fail(ApiError::internal("cannot write " + path.string() + ": " + error.message()));
  return {};
}

Result<void> OnFailureDestination::send_to_table(const std::string& request_id, const std::string& record,
                                                 engine::Database& database, double now) const {
  engine::TablePtr table = database.catalog().find(table_name_);
  if (table == nullptr) return fail(ApiError::internal("the on-failure table " + table_name_ + " no longer exists"));
  JsonDocument document;
  parse_json(record, document);
  Item item;
  for (const auto& member : document.GetObject()) item[member.name.GetString()] = attribute_of(member.value);
  Item key;
  key[table->key.partition_attribute().name] = AttributeValue::string(request_id);
  if (table->key.has_sort_key()) key[table->key.sort_key.front().name] = AttributeValue::string(iso_millis(now));
  for (const auto& [name, value] : key) item[name] = value;
  auto written = database.write_item(*table, key, [&](const std::optional<Item>&) -> Result<std::optional<Item>> {
    return std::optional<Item>(item);
  });
  if (!written) return fail(written.error());
  return {};
}

}  // namespace eddy::triggers
