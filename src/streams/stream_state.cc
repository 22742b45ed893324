// Stream and shard descriptors: lookups and their JSON persistence (stored by engine/stream_log.h).
#include "streams/stream_state.h"

#include <cstdio>
#include <ctime>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "engine/json_fields.h"
#include "model/random_ids.h"

namespace eddy::streams {
namespace {

using engine::json::get_bool;
using engine::json::get_double;
using engine::json::get_string;
using engine::json::get_u64;
using engine::json::put;
using Writer = engine::json::Writer;

void put_key_elements(Writer& w, const char* key, const std::vector<KeyElement>& elements) {
  w.Key(key);
  w.StartArray();
  for (const auto& element : elements) {
    w.StartObject();
    put(w, "name", element.name);
    put(w, "type", std::string(type_name(element.type)));
    w.EndObject();
  }
  w.EndArray();
}

std::vector<KeyElement> get_key_elements(const rapidjson::Value& v, const char* key) {
  std::vector<KeyElement> elements;
  auto it = v.FindMember(key);
  if (it == v.MemberEnd() || !it->value.IsArray()) return elements;
  for (const auto& e : it->value.GetArray()) {
    std::string type = get_string(e, "type");
    AttributeType t = type == "N" ? AttributeType::kN : type == "B" ? AttributeType::kB : AttributeType::kS;
    elements.push_back({get_string(e, "name"), t});
  }
  return elements;
}

}  // namespace

Shard* Stream::find_shard(std::string_view shard_id) {
  for (auto& shard : shards) {
    if (shard.shard_id == shard_id) return &shard;
  }
  return nullptr;
}

Shard* Stream::open_shard(uint32_t lineage, uint32_t hash) {
  for (auto it = shards.rbegin(); it != shards.rend(); ++it) {
    if (it->lineage == lineage && !it->closed && it->hash_low <= hash && hash <= it->hash_high) return &*it;
  }
  return nullptr;
}

std::string encode_stream(const Stream& s) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  put(w, "id", s.id);
  put(w, "arn", s.arn);
  put(w, "table_name", s.table_name);
  put(w, "table_id", s.table_id);
  put(w, "label", s.label);
  put(w, "view_type", s.view_type);
  put(w, "region", s.region);
  // "hash" and "range" hold the partition and sort key: persisted names, do not rename.
  put_key_elements(w, "hash", s.key.partition_key);
  put_key_elements(w, "range", s.key.sort_key);
  put(w, "created_at", s.created_at);
  put(w, "enabled", s.enabled);
  put(w, "disabled_at", s.disabled_at);
  put(w, "lineages", static_cast<uint64_t>(s.lineages));
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::optional<Stream> decode_stream(std::string_view json) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());  // no recursion on stored text
  if (doc.HasParseError() || !doc.IsObject()) return std::nullopt;
  Stream s;
  s.id = get_u64(doc, "id");
  s.arn = get_string(doc, "arn");
  s.table_name = get_string(doc, "table_name");
  s.table_id = get_u64(doc, "table_id");
  s.label = get_string(doc, "label");
  s.view_type = get_string(doc, "view_type");
  s.region = get_string(doc, "region");
  s.key.partition_key = get_key_elements(doc, "hash");
  s.key.sort_key = get_key_elements(doc, "range");
  s.created_at = get_double(doc, "created_at");
  s.enabled = get_bool(doc, "enabled");
  s.disabled_at = get_double(doc, "disabled_at");
  s.lineages = static_cast<uint32_t>(std::max<uint64_t>(1, get_u64(doc, "lineages")));
  return s;
}

std::string encode_shard(const Shard& s) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  put(w, "shard_id", s.shard_id);
  put(w, "parent", s.parent_shard_id);
  put(w, "number", static_cast<uint64_t>(s.number));
  put(w, "lineage", static_cast<uint64_t>(s.lineage));
  put(w, "start", s.starting_sequence);
  put(w, "closed", s.closed);
  if (s.closed) put(w, "end", s.last_sequence);
  put(w, "trim_horizon", s.trim_horizon);
  put(w, "created_at", s.created_at);
  put(w, "closed_at", s.closed_at);
  // Only a split shard's range is written: descriptors of whole lineages stay as they were.
  if (s.hash_low != 0 || s.hash_high != UINT32_MAX) {
    put(w, "hash_low", static_cast<uint64_t>(s.hash_low));
    put(w, "hash_high", static_cast<uint64_t>(s.hash_high));
  }
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::optional<Shard> decode_shard(std::string_view json) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());  // no recursion on stored text
  if (doc.HasParseError() || !doc.IsObject()) return std::nullopt;
  Shard s;
  s.shard_id = get_string(doc, "shard_id");
  s.parent_shard_id = get_string(doc, "parent");
  s.number = static_cast<uint32_t>(get_u64(doc, "number"));
  s.lineage = static_cast<uint32_t>(get_u64(doc, "lineage"));
  s.starting_sequence = get_u64(doc, "start");
  s.closed = get_bool(doc, "closed");
  s.last_sequence = s.closed ? get_u64(doc, "end") : s.starting_sequence;
  s.trim_horizon = get_u64(doc, "trim_horizon");
  s.created_at = get_double(doc, "created_at");
  s.closed_at = get_double(doc, "closed_at");
  if (doc.HasMember("hash_low")) {
    s.hash_low = static_cast<uint32_t>(get_u64(doc, "hash_low"));
    s.hash_high = static_cast<uint32_t>(get_u64(doc, "hash_high"));
  }
  return s;
}

std::string new_shard_id(double now) {
  char text[64];
  std::snprintf(text, sizeof text, "shardId-%020llu-%08x", static_cast<unsigned long long>(now * 1000),
                static_cast<unsigned>(random_u64()));
  return text;
}

double label_time(std::string_view label) {
  std::tm utc{};
  int millis = 0;
  std::string text(label);
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3d", &utc.tm_year, &utc.tm_mon, &utc.tm_mday, &utc.tm_hour,
                  &utc.tm_min, &utc.tm_sec, &millis) != 7) {
    return 0;
  }
  utc.tm_year -= 1900;
  utc.tm_mon -= 1;
  return static_cast<double>(timegm(&utc)) + millis / 1000.0;
}

}  // namespace eddy::streams
