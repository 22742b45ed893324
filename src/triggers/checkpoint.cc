// A checkpoint's persisted JSON; see checkpoint.h.
#include "triggers/checkpoint.h"

#include "protocol/json.h"
#include "protocol/json_parse.h"

namespace eddy::triggers {

std::string encode_checkpoint(const Checkpoint& checkpoint) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("position");
  w.Uint64(checkpoint.position);
  w.Key("finished");
  w.Bool(checkpoint.finished);
  if (checkpoint.window.open) {
    w.Key("window");
    w.StartObject();
    w.Key("start");
    w.Double(checkpoint.window.start);
    w.Key("state");
    w.RawValue(checkpoint.window.state_json.data(), checkpoint.window.state_json.size(), rapidjson::kObjectType);
    w.EndObject();
  }
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::optional<Checkpoint> decode_checkpoint(std::string_view text) {
  JsonDocument document;
  if (parse_json(text, document) != JsonParseOutcome::kParsed || !document.IsObject()) return std::nullopt;
  if (!document.HasMember("position") || !document["position"].IsUint64()) return std::nullopt;
  Checkpoint checkpoint;
  checkpoint.position = document["position"].GetUint64();
  checkpoint.finished = document.HasMember("finished") && document["finished"].IsTrue();
  if (document.HasMember("window") && document["window"].IsObject()) {
    const JsonValue& window = document["window"];
    if (!window.HasMember("start") || !window["start"].IsNumber() || !window.HasMember("state") ||
        !window["state"].IsObject()) {
      return std::nullopt;
    }
    checkpoint.window.open = true;
    checkpoint.window.start = window["start"].GetDouble();
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    window["state"].Accept(w);
    checkpoint.window.state_json.assign(buffer.GetString(), buffer.GetSize());
  }
  return checkpoint;
}

}  // namespace eddy::triggers
