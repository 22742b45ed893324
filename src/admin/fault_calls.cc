// Fault injection (docs/test-controls.md, Faults):
//   POST   /eddy/v1/faults {"operations": ["PutItem"], "tables": ["Orders"],
//                           "error": "ProvisionedThroughputExceededException" | "latency_ms": N |
//                           "drop_connection": true, "count": N | "probability": P, "seed": S,
//                           "duration_seconds": D}                     -> the rule with its id
//   GET    /eddy/v1/faults                                             -> {"faults": [rules]}
//   DELETE /eddy/v1/faults/<id>, DELETE /eddy/v1/faults
// The rules themselves, and how a request is matched, are fault_rules.h's.
#include <algorithm>
#include <cmath>

#include "admin/answer_json.h"
#include "admin/calls.h"
#include "admin/iso8601.h"
#include "ops/operation_table.h"

namespace eddy::admin {
namespace {

constexpr uint64_t kMaxLatencyMs = uint64_t{10} * 60 * 1000;

bool known_operation(const std::string& name) {
  return name == "*" || ops::find_operation(ops::kDynamoDbPrefix, name) != nullptr ||
         ops::find_operation(ops::kStreamsPrefix, name) != nullptr;
}

// A list of strings member; an error message when it is not one.
std::string read_names(const JsonValue& body, const char* name, std::vector<std::string>& out) {
  const JsonValue* list = member(body, name);
  if (list == nullptr) return {};
  if (!list->IsArray()) return std::string(name) + " must be a list of names";
  for (const auto& entry : list->GetArray()) {
    if (!entry.IsString() || entry.GetStringLength() == 0) return std::string(name) + " must be a list of names";
    out.emplace_back(entry.GetString(), entry.GetStringLength());
  }
  return {};
}

bool positive_integer(const JsonValue* value) {
  return value != nullptr && value->IsUint64() && value->GetUint64() > 0;
}

// What the rule does: exactly one of error, latency_ms and drop_connection.
std::string read_action(const JsonValue& body, FaultRule& rule) {
  const JsonValue* error = member(body, "error");
  const JsonValue* latency = member(body, "latency_ms");
  const JsonValue* drop = member(body, "drop_connection");
  if ((error != nullptr) + (latency != nullptr) + (drop != nullptr) != 1) {
    return "Give exactly one of error, latency_ms and drop_connection";
  }
  if (error != nullptr) {
    const auto& names = injectable_errors();
    if (!error->IsString() || std::find(names.begin(), names.end(), error->GetString()) == names.end()) {
      std::string known;
      for (auto name : names) known += (known.empty() ? "" : ", ") + std::string(name);
      return "error must be one of " + known;
    }
    rule.action = FaultRule::Action::kError;
    rule.error = error->GetString();
  } else if (latency != nullptr) {
    if (!latency->IsUint64() || latency->GetUint64() > kMaxLatencyMs) {
      return "latency_ms must be a whole number of milliseconds from 0 to 600000";
    }
    rule.action = FaultRule::Action::kLatency;
    rule.latency_ms = latency->GetUint64();
  } else {
    if (!drop->IsBool() || !drop->GetBool()) return "drop_connection must be true";
    rule.action = FaultRule::Action::kDropConnection;
  }
  return {};
}

// How often and for how long: count, probability with seed, duration_seconds.
std::string read_frequency(const JsonValue& body, FaultRule& rule, double now) {
  if (const JsonValue* count = member(body, "count")) {
    if (!positive_integer(count)) return "count must be a whole number above 0";
    rule.count = count->GetUint64();
  }
  if (const JsonValue* probability = member(body, "probability")) {
    if (!probability->IsNumber() || !(probability->GetDouble() > 0) || probability->GetDouble() > 1) {
      return "probability must be a number above 0 and at most 1";
    }
    rule.probability = probability->GetDouble();
  }
  if (const JsonValue* seed = member(body, "seed")) {
    if (!seed->IsUint64()) return "seed must be a whole number";
    if (!rule.probability) return "seed goes with probability";
    rule.seed = seed->GetUint64();
  }
  if (const JsonValue* duration = member(body, "duration_seconds")) {
    if (!duration->IsNumber() || !(duration->GetDouble() > 0) || !std::isfinite(duration->GetDouble())) {
      return "duration_seconds must be a number of seconds above 0";
    }
    rule.expires_at = now + duration->GetDouble();
  }
  return {};
}

void write_names(JsonWriter& w, const char* key, const std::vector<std::string>& names) {
  w.Key(key);
  w.StartArray();
  for (const auto& name : names) w.String(name.data(), static_cast<rapidjson::SizeType>(name.size()));
  if (names.empty()) w.String("*");
  w.EndArray();
}

void write_rule(JsonWriter& w, const FaultRule& rule) {
  w.StartObject();
  put(w, "id", rule.id);
  write_names(w, "operations", rule.operations);
  if (!rule.tables.empty()) write_names(w, "tables", rule.tables);
  switch (rule.action) {
    case FaultRule::Action::kError: put(w, "error", rule.error); break;
    case FaultRule::Action::kLatency: put(w, "latency_ms", rule.latency_ms); break;
    case FaultRule::Action::kDropConnection: put(w, "drop_connection", true); break;
  }
  if (rule.count) put(w, "count", *rule.count);
  if (rule.probability) {
    put(w, "probability", *rule.probability);
    put(w, "seed", rule.seed);
  }
  if (rule.expires_at) put(w, "expires_at", iso8601(*rule.expires_at));
  put(w, "applied", rule.applied);
  w.EndObject();
}

}  // namespace

AdminAnswer add_fault(AdminContext& context, const AdminCall& call) {
  const JsonValue& body = *call.body;
  if (!body.IsObject()) return validation_failure("The body must be a JSON object");
  FaultRule rule;
  std::string problem = read_names(body, "operations", rule.operations);
  if (problem.empty()) problem = read_names(body, "tables", rule.tables);
  if (problem.empty()) problem = read_action(body, rule);
  if (problem.empty()) problem = read_frequency(body, rule, context.now());
  if (!problem.empty()) return validation_failure(problem);
  for (const auto& name : rule.operations) {
    if (!known_operation(name)) return validation_failure("Unknown operation in operations: " + name);
  }
  // ["*"] is the same as naming none.
  if (std::find(rule.operations.begin(), rule.operations.end(), "*") != rule.operations.end()) rule.operations.clear();
  FaultRule added = context.faults.add(std::move(rule), context.now());
  return AdminAnswer{200, written_json([&](JsonWriter& w) { write_rule(w, added); }), nullptr};
}

AdminAnswer list_faults(AdminContext& context, const AdminCall&) {
  std::vector<FaultRule> rules = context.faults.list(context.now());
  return AdminAnswer{200, written_json([&](JsonWriter& w) {
                       w.StartObject();
                       w.Key("faults");
                       w.StartArray();
                       for (const auto& rule : rules) write_rule(w, rule);
                       w.EndArray();
                       w.EndObject();
                     }),
                     nullptr};
}

AdminAnswer delete_fault(AdminContext& context, const AdminCall& call) {
  const std::string& text = call.parameters.at(0);
  bool digits = !text.empty() && text.size() < 20 && text.find_first_not_of("0123456789") == std::string::npos;
  if (!digits || !context.faults.remove(std::stoull(text))) return not_found("Fault rule not found: " + text);
  return AdminAnswer{};
}

AdminAnswer delete_faults(AdminContext& context, const AdminCall&) {
  context.faults.clear();
  return AdminAnswer{};
}

}  // namespace eddy::admin
