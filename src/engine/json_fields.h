// Small readers and writers of JSON object members, for the persisted JSON documents (the catalog's
// table definitions, the streams' stream and shard state). Readers are lenient: a missing member or
// one of another type reads as empty/zero/false, so that older documents stay readable.
#pragma once

#include <cstdint>
#include <string>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace eddy::engine::json {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;
using Value = rapidjson::Value;

inline void put(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}
inline void put(Writer& w, const char* key, int64_t value) {
  w.Key(key);
  w.Int64(value);
}
inline void put(Writer& w, const char* key, uint64_t value) {
  w.Key(key);
  w.Uint64(value);
}
inline void put(Writer& w, const char* key, double value) {
  w.Key(key);
  w.Double(value);
}
inline void put(Writer& w, const char* key, bool value) {
  w.Key(key);
  w.Bool(value);
}

inline std::string get_string(const Value& o, const char* key) {
  auto it = o.FindMember(key);
  return it != o.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString(), it->value.GetStringLength())
                                                     : std::string();
}
inline int64_t get_int(const Value& o, const char* key) {
  auto it = o.FindMember(key);
  return it != o.MemberEnd() && it->value.IsInt64() ? it->value.GetInt64() : 0;
}
inline uint64_t get_u64(const Value& o, const char* key) {
  auto it = o.FindMember(key);
  return it != o.MemberEnd() && it->value.IsUint64() ? it->value.GetUint64() : 0;
}
inline double get_double(const Value& o, const char* key) {
  auto it = o.FindMember(key);
  return it != o.MemberEnd() && it->value.IsNumber() ? it->value.GetDouble() : 0;
}
inline bool get_bool(const Value& o, const char* key) {
  auto it = o.FindMember(key);
  return it != o.MemberEnd() && it->value.IsBool() && it->value.GetBool();
}
inline const Value* get_array(const Value& o, const char* key) {
  auto it = o.FindMember(key);
  return it != o.MemberEnd() && it->value.IsArray() ? &it->value : nullptr;
}

}  // namespace eddy::engine::json
