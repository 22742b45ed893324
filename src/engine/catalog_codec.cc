// TableDefinition <-> JSON for the catalog. Field names are persisted: do not rename.
#include "engine/catalog_codec.h"

#include "engine/json_fields.h"

namespace eddy::engine {
namespace {

using json::get_array;
using json::get_bool;
using json::get_double;
using json::get_int;
using json::get_string;
using json::put;
using Json = json::Value;
using Writer = json::Writer;

void put_elements(Writer& w, const char* key, const std::vector<KeyElement>& elements) {
  w.Key(key);
  w.StartArray();
  for (const auto& element : elements) {
    w.StartObject();
    put(w, "name", element.name);
    put(w, "type", static_cast<int64_t>(element.type));
    w.EndObject();
  }
  w.EndArray();
}

void put_throughput(Writer& w, const ProvisionedThroughput& t) {
  w.Key("throughput");
  w.StartObject();
  put(w, "read", t.read_capacity_units);
  put(w, "write", t.write_capacity_units);
  put(w, "decreases", t.number_of_decreases_today);
  put(w, "last_increase", t.last_increase_time);
  put(w, "last_decrease", t.last_decrease_time);
  w.EndObject();
}

void put_indexes(Writer& w, const char* key, const std::vector<SecondaryIndex>& indexes) {
  w.Key(key);
  w.StartArray();
  for (const auto& index : indexes) {
    w.StartObject();
    put(w, "name", index.name);
    put(w, "id", static_cast<int64_t>(index.id));
    // "hash" and "range" hold the partition and sort key: persisted names, do not rename.
    put_elements(w, "hash", index.key.partition_key);
    put_elements(w, "range", index.key.sort_key);
    put(w, "projection", static_cast<int64_t>(index.projection.type));
    w.Key("non_key");
    w.StartArray();
    for (const auto& name : index.projection.non_key_attributes)
      w.String(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    w.EndArray();
    put_throughput(w, index.throughput);
    put(w, "status", index.status);
    put(w, "backfilling", index.backfilling);
    w.EndObject();
  }
  w.EndArray();
}

std::vector<KeyElement> get_elements(const Json& o, const char* key) {
  std::vector<KeyElement> out;
  if (const Json* array = get_array(o, key)) {
    for (const auto& e : array->GetArray()) {
      out.push_back({get_string(e, "name"), static_cast<AttributeType>(get_int(e, "type"))});
    }
  }
  return out;
}

ProvisionedThroughput get_throughput(const Json& o) {
  ProvisionedThroughput t;
  auto it = o.FindMember("throughput");
  if (it == o.MemberEnd() || !it->value.IsObject()) return t;
  const Json& j = it->value;
  t.read_capacity_units = get_int(j, "read");
  t.write_capacity_units = get_int(j, "write");
  t.number_of_decreases_today = get_int(j, "decreases");
  t.last_increase_time = get_double(j, "last_increase");
  t.last_decrease_time = get_double(j, "last_decrease");
  return t;
}

std::vector<SecondaryIndex> get_indexes(const Json& o, const char* key) {
  std::vector<SecondaryIndex> out;
  const Json* array = get_array(o, key);
  if (array == nullptr) return out;
  for (const auto& j : array->GetArray()) {
    SecondaryIndex index;
    index.name = get_string(j, "name");
    index.id = static_cast<uint64_t>(get_int(j, "id"));
    index.key.partition_key = get_elements(j, "hash");
    index.key.sort_key = get_elements(j, "range");
    index.projection.type = static_cast<IndexProjection::Type>(get_int(j, "projection"));
    if (const Json* names = get_array(j, "non_key")) {
      for (const auto& n : names->GetArray()) index.projection.non_key_attributes.emplace_back(n.GetString());
    }
    index.throughput = get_throughput(j);
    index.status = get_string(j, "status");
    index.backfilling = get_bool(j, "backfilling");
    out.push_back(std::move(index));
  }
  return out;
}

}  // namespace

std::string encode_table_definition(const TableDefinition& t) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  put(w, "name", t.name);
  put(w, "id", static_cast<int64_t>(t.id));
  put(w, "table_id", t.table_id);
  put(w, "region", t.region);
  put(w, "account_id", t.account_id);
  put(w, "status", t.status);
  put(w, "creation_time", t.creation_time);
  // "hash" and "range" hold the partition and sort key: persisted names, do not rename.
  put_elements(w, "hash", t.key.partition_key);
  put_elements(w, "range", t.key.sort_key);
  put_elements(w, "attribute_definitions", t.attribute_definitions);
  put(w, "billing_mode", t.billing_mode);
  put(w, "billing_mode_last_update", t.billing_mode_last_update);
  put_throughput(w, t.throughput);
  put(w, "table_class", t.table_class);
  put(w, "deletion_protection", t.deletion_protection);
  if (t.sse) {
    w.Key("sse");
    w.StartObject();
    put(w, "enabled", t.sse->enabled);
    put(w, "type", t.sse->sse_type);
    put(w, "kms_key", t.sse->kms_master_key_id);
    w.EndObject();
  }
  w.Key("tags");
  w.StartArray();
  for (const auto& tag : t.tags) {
    w.StartObject();
    put(w, "key", tag.key);
    put(w, "value", tag.value);
    w.EndObject();
  }
  w.EndArray();
  put_indexes(w, "local_indexes", t.local_indexes);
  put_indexes(w, "global_indexes", t.global_indexes);
  put(w, "stream_enabled", t.stream.enabled);
  put(w, "stream_view_type", t.stream.view_type);
  put(w, "stream_label", t.stream.label);
  put(w, "ttl_enabled", t.ttl.enabled);
  put(w, "ttl_attribute", t.ttl.attribute_name);
  put(w, "pitr_enabled", t.pitr.enabled);
  put(w, "pitr_days", t.pitr.recovery_period_days);
  if (t.restore) {
    w.Key("restore");
    w.StartObject();
    put(w, "backup_arn", t.restore->source_backup_arn);
    put(w, "table_arn", t.restore->source_table_arn);
    put(w, "time", t.restore->restore_time);
    put(w, "in_progress", t.restore->in_progress);
    w.EndObject();
  }
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::optional<TableDefinition> decode_table_definition(std::string_view json) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());  // no recursion on stored text
  if (doc.HasParseError() || !doc.IsObject()) return std::nullopt;
  TableDefinition t;
  t.name = get_string(doc, "name");
  t.id = static_cast<uint64_t>(get_int(doc, "id"));
  t.table_id = get_string(doc, "table_id");
  t.region = get_string(doc, "region");
  t.account_id = get_string(doc, "account_id");
  t.status = get_string(doc, "status");
  t.creation_time = get_double(doc, "creation_time");
  t.key.partition_key = get_elements(doc, "hash");
  t.key.sort_key = get_elements(doc, "range");
  t.attribute_definitions = get_elements(doc, "attribute_definitions");
  t.billing_mode = get_string(doc, "billing_mode");
  t.billing_mode_last_update = get_double(doc, "billing_mode_last_update");
  t.throughput = get_throughput(doc);
  t.table_class = get_string(doc, "table_class");
  t.deletion_protection = get_bool(doc, "deletion_protection");
  auto sse = doc.FindMember("sse");
  if (sse != doc.MemberEnd() && sse->value.IsObject()) {
    t.sse = SseDescription{get_bool(sse->value, "enabled"), get_string(sse->value, "type"),
                           get_string(sse->value, "kms_key")};
  }
  if (const Json* tags = get_array(doc, "tags")) {
    for (const auto& tag : tags->GetArray()) t.tags.push_back({get_string(tag, "key"), get_string(tag, "value")});
  }
  t.local_indexes = get_indexes(doc, "local_indexes");
  t.global_indexes = get_indexes(doc, "global_indexes");
  t.stream.enabled = get_bool(doc, "stream_enabled");
  t.stream.view_type = get_string(doc, "stream_view_type");
  t.stream.label = get_string(doc, "stream_label");
  t.ttl.enabled = get_bool(doc, "ttl_enabled");
  t.ttl.attribute_name = get_string(doc, "ttl_attribute");
  t.pitr.enabled = get_bool(doc, "pitr_enabled");
  if (doc.HasMember("pitr_days")) t.pitr.recovery_period_days = get_int(doc, "pitr_days");
  auto restore = doc.FindMember("restore");
  if (restore != doc.MemberEnd() && restore->value.IsObject()) {
    t.restore = RestoreSummary{get_string(restore->value, "backup_arn"), get_string(restore->value, "table_arn"),
                               get_double(restore->value, "time"), get_bool(restore->value, "in_progress")};
  }
  return t;
}

}  // namespace eddy::engine
